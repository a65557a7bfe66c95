namespace Chatobuy.Inbox.Features.Channels;

public sealed record FinishResult(Channel? Channel, string? Error, string? WebhookWarning)
{
    public static FinishResult Fail(string error) => new(null, error, null);
}
