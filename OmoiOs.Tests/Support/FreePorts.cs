using System.Net;
using System.Net.Sockets;

namespace OmoiOs.Tests.Support;

public static class FreePorts
{
    /// <summary>Loopback ports free a moment ago (the listeners that found them are closed again).</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
