using Chatobuy.Inbox.Sandbox.Graph;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Switches;

/// <summary>
/// The trouble switches over HTTP (mapped only while the Sandbox is on), for scripts and tests:
/// <c>POST /sandbox/switches/token/expire</c> (answers the new token), <c>POST /sandbox/switches/numbers/{id}/ban</c>,
/// <c>…/restrict</c>, <c>…/reinstate</c>, <c>…/quality/{GREEN|YELLOW|RED}</c>, <c>…/tier/{TIER_…}</c>,
/// <c>…/throughput/{STANDARD|HIGH}</c>, <c>POST /sandbox/switches/accounts/{waba-id}/unsubscribe</c>,
/// <c>POST /sandbox/switches/webhooks/stop</c>, <c>…/webhooks/resume</c>, <c>POST /sandbox/switches/reset</c>.
/// </summary>
public static class SandboxSwitchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var switches = app.MapGroup("/sandbox/switches")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

        switches.MapPost("/token/expire", (SandboxSwitches s) => TypedResults.Json(new { AccessToken = s.ExpireToken() }, SandboxJson.Options));
        switches.MapPost("/numbers/{id}/ban", (string id, SandboxSwitches s) => Number(id, s.Ban(id)));
        switches.MapPost("/numbers/{id}/restrict", (string id, SandboxSwitches s) => Number(id, s.Restrict(id)));
        switches.MapPost("/numbers/{id}/reinstate", (string id, SandboxSwitches s) => Number(id, s.Reinstate(id)));
        switches.MapPost("/numbers/{id}/quality/{rating}", (string id, string rating, SandboxSwitches s) =>
            SandboxSwitches.QualityRatings.Contains(rating)
                ? Number(id, s.SetQuality(id, rating))
                : SandboxGraphErrors.InvalidParameter($"(#100) rating must be one of {string.Join(", ", SandboxSwitches.QualityRatings)}"));
        switches.MapPost("/numbers/{id}/tier/{tier}", (string id, string tier, SandboxSwitches s) =>
            SandboxSwitches.Tiers.Contains(tier)
                ? Number(id, s.SetTier(id, tier))
                : SandboxGraphErrors.InvalidParameter($"(#100) tier must be one of {string.Join(", ", SandboxSwitches.Tiers)}"));
        switches.MapPost("/numbers/{id}/throughput/{level}", (string id, string level, SandboxSwitches s) =>
            SandboxSwitches.ThroughputLevels.Contains(level)
                ? Number(id, s.SetThroughput(id, level))
                : SandboxGraphErrors.InvalidParameter($"(#100) level must be one of {string.Join(", ", SandboxSwitches.ThroughputLevels)}"));
        switches.MapPost("/accounts/{wabaId}/unsubscribe", (string wabaId, SandboxSwitches s) =>
            s.RemoveSubscription(wabaId) ? TypedResults.Json(new { Success = true }, SandboxJson.Options) : SandboxGraphErrors.UnsupportedRequest("post", wabaId));
        switches.MapPost("/webhooks/stop", (SandboxSwitches s) =>
        {
            s.StopWebhooks(true);
            return TypedResults.Json(new { Success = true }, SandboxJson.Options);
        });
        switches.MapPost("/webhooks/resume", (SandboxSwitches s) =>
        {
            s.StopWebhooks(false);
            return TypedResults.Json(new { Success = true }, SandboxJson.Options);
        });
        switches.MapPost("/reset", (SandboxSwitches s) =>
        {
            s.Reset();
            return TypedResults.Json(new { Success = true }, SandboxJson.Options);
        });
    }

    private static IResult Number(string id, SandboxPhoneNumber? number) =>
        number is null
            ? SandboxGraphErrors.UnsupportedRequest("post", id)
            : TypedResults.Json(
                new { number.Id, number.Status, number.QualityRating, number.MessagingLimitTier, Throughput = number.ThroughputLevel },
                SandboxJson.Options);
}
