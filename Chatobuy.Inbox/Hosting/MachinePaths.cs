namespace Chatobuy.Inbox.Hosting;

/// <summary>
/// Paths answered for machines (Meta, integrations, the hub, health checks, the Sandbox's emulated APIs), not
/// for people: they keep their own status codes and bodies and are never sent to the set-up page.
/// </summary>
public static class MachinePaths
{
    private static readonly string[] Prefixes =
    [
        "/webhooks", "/api", "/hubs", "/healthz", "/_blazor",
        "/sandbox/graph", "/sandbox/customers", "/sandbox/statuses", "/sandbox/media", "/sandbox/throughput", "/sandbox/numbers",
        "/sandbox/stripe", "/sandbox/yedpay", "/sandbox/checkout",
    ];

    public static bool Matches(PathString path) => Prefixes.Any(prefix => path.StartsWithSegments(prefix));
}
