namespace Chatobuy.Inbox.Features.Alerts;

/// <summary>An alert's subject line and its body: what happened, then the fix.</summary>
public sealed record AlertText(string Subject, string What, string Fix)
{
    /// <summary>The body of the notice and the e-mail.</summary>
    public string Body => $"{What}{Environment.NewLine}{Environment.NewLine}What to do: {Fix}";
}
