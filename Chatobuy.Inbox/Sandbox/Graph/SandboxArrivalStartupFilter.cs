namespace Chatobuy.Inbox.Sandbox.Graph;

/// <summary>
/// Puts the <see cref="SandboxArrival"/> stamp on every request to the emulated Graph API ahead of the whole pipeline
/// (authentication, routing, body reading), so the throughput limit (130429) sees the moment a request arrived.
/// </summary>
public sealed class SandboxArrivalStartupFilter(TimeProvider time) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Path.StartsWithSegments(SandboxGraphEndpoints.Prefix, StringComparison.Ordinal))
            {
                context.Features.Set(new SandboxArrival(time.GetTimestamp()));
            }

            return following(context);
        });
        next(app);
    };
}
