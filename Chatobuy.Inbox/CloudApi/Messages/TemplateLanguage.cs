namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.5: the template's language code; the policy is always <c>deterministic</c>.</summary>
public sealed record TemplateLanguage(string Code)
{
    public string Policy { get; init; } = "deterministic";
}
