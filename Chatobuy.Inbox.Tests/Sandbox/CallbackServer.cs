using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>
/// A tiny webhook receiver on its own Kestrel port: answers Meta's verification GET with the challenge when the
/// verify token matches, 403 otherwise — what an integrator's endpoint does.
/// </summary>
public sealed class CallbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackServer(WebApplication app, string verifyToken)
    {
        _app = app;
        VerifyToken = verifyToken;
    }

    public string VerifyToken { get; }

    public Uri Url => new(_app.Urls.First() + "/hook");

    public static async Task<CallbackServer> StartAsync(string verifyToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/hook", (HttpRequest request) =>
            request.Query["hub.mode"] == "subscribe" && request.Query["hub.verify_token"] == verifyToken
                ? Results.Text(request.Query["hub.challenge"].ToString(), "text/plain")
                : Results.StatusCode(StatusCodes.Status403Forbidden));
        await app.StartAsync();
        return new CallbackServer(app, verifyToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
