using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OmoiOs.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a storage endpoint that can make the storage unreachable at a chosen request:
/// when a request's first bytes contain <see cref="CutAt"/>, the connection is severed (before forwarding the request, or
/// after the server answered it with the answer dropped) and every later connection is closed at once, until
/// <see cref="Restore"/>.
/// </summary>
public sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _down;

    public CuttableTcpProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Text of a request (e.g. <c>$batch</c>) at which storage becomes unreachable; null never cuts.</summary>
    public string? CutAt { get; set; }

    /// <summary>Which request containing <see cref="CutAt"/> is cut (1: the first); the ones before pass.</summary>
    public int CutAtOccurrence { get; set; } = 1;

    /// <summary>Whether the request that triggers the cut reaches the server (its answer is then lost) or not.</summary>
    public bool ForwardTheCutRequest { get; set; }

    /// <summary>How many requests containing <see cref="CutAt"/> were seen.</summary>
    public int Matches { get; private set; }

    public bool IsDown => _down;

    /// <summary>Storage becomes unreachable now: the next request on any open connection is cut, new connections are closed.</summary>
    public void CutEverything()
    {
        ForwardTheCutRequest = false;
        CutAtOccurrence = 1;
        Matches = 0;
        CutAt = "";
        _down = true;
    }

    public void Restore()
    {
        CutAt = null;
        Matches = 0;
        _down = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            if (_down)
            {
                return;
            }

            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort);
            using var connection = new Connection();
            var requests = PumpRequestsAsync(client.GetStream(), upstream.GetStream(), connection);
            var responses = PumpResponsesAsync(upstream.GetStream(), client.GetStream(), connection);
            await Task.WhenAny(requests, responses);
            await connection.Severed.CancelAsync();
        }
    }

    private async Task PumpRequestsAsync(NetworkStream from, NetworkStream to, Connection connection)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_down && await from.ReadAsync(buffer, connection.Severed.Token) is > 0 and var read)
            {
                if (CutAt is { } marker && Encoding.ASCII.GetString(buffer, 0, read).Contains(marker, StringComparison.Ordinal) && ++Matches >= CutAtOccurrence)
                {
                    connection.Cutting = true;
                    if (ForwardTheCutRequest)
                    {
                        await to.WriteAsync(buffer.AsMemory(0, read), connection.Severed.Token);
                        // The server has the request: wait for its answer to start, which is dropped with the connection.
                        await connection.Answered.Task.WaitAsync(TimeSpan.FromSeconds(10), connection.Severed.Token);
                    }

                    _down = true;
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), connection.Severed.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or TimeoutException)
        {
            // The other side closed, or the connection was severed: either way this pump is done.
        }
    }

    private async Task PumpResponsesAsync(NetworkStream from, NetworkStream to, Connection connection)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await from.ReadAsync(buffer, connection.Severed.Token) is > 0 and var read)
            {
                if (_down || connection.Cutting)
                {
                    connection.Answered.TrySetResult();
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), connection.Severed.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The other side closed, or the connection was severed: either way this pump is done.
        }
    }

    /// <summary>One proxied connection: whether its current request is being cut, and whether the server answered it.</summary>
    private sealed class Connection : IDisposable
    {
        public CancellationTokenSource Severed { get; } = new();

        public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private volatile bool _cutting;

        public bool Cutting
        {
            get => _cutting;
            set => _cutting = value;
        }

        public void Dispose() => Severed.Dispose();
    }
}
