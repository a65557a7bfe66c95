namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>The channel details page's Replace token form.</summary>
public sealed class ReplaceTokenModel
{
    public string AccessToken { get; set; } = "";
}
