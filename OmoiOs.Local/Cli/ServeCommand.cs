using System.CommandLine;
using System.Net;
using OmoiOs.Local.Server;

namespace OmoiOs.Local.Cli;

/// <summary><c>omoi serve</c>: the HTTP API on 127.0.0.1 on the Durable Task Framework, this process a worker of the task hub.</summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5180;

    public static Command Create()
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "TCP port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });

        var listen = new Option<string>("--listen")
        {
            Description = "IP address to listen on (default 127.0.0.1); any other needs OMOI_API_TOKEN (docs/security.md).",
            DefaultValueFactory = _ => IPAddress.Loopback.ToString(),
        };
        listen.Validators.Add(result =>
        {
            if (!IPAddress.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError("--listen must be an IP address, e.g. 127.0.0.1 or 0.0.0.0.");
            }
        });

        var command = new Command("serve", "Serve the OmoiOs HTTP API (same routes as the Functions app) on 127.0.0.1.") { port, listen };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var server = await LocalServer.StartAsync(new LocalServerOptions { Port = parse.GetValue(port), ListenAddress = IPAddress.Parse(parse.GetValue(listen)!) }, cancellationToken);
            Console.WriteLine($"omoi: serving {server.BaseAddress}api (health: {server.BaseAddress}api/health); Ctrl+C stops.");
            await server.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
