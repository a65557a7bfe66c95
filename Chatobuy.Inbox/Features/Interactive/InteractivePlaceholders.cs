using System.Text.RegularExpressions;
using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// The placeholders a saved interactive message may hold in its header text and body, filled when it is sent:
/// <c>{{contact.name}}</c>, <c>{{contact.phone}}</c>, <c>{{agent.name}}</c>. An unknown one is left as written.
/// </summary>
public static partial class InteractivePlaceholders
{
    public const string ContactName = "{{contact.name}}";
    public const string ContactPhone = "{{contact.phone}}";
    public const string AgentName = "{{agent.name}}";

    public static readonly IReadOnlyList<(string Placeholder, string Label)> All =
        [(ContactName, "Contact's name"), (ContactPhone, "Contact's phone number"), (AgentName, "Your name")];

    /// <summary>The sample values a preview shows.</summary>
    public static readonly PlaceholderValues Samples = new("Maria", "+1 650 555 0101", "Alex");

    /// <summary>The message with its placeholders filled in (header text and body; nothing else takes them).</summary>
    public static InteractiveObject Fill(InteractiveObject interactive, PlaceholderValues values) => interactive with
    {
        Header = interactive.Header is { Type: "text", Text: { } header } ? interactive.Header with { Text = Fill(header, values) } : interactive.Header,
        Body = interactive.Body is { } body ? body with { Text = Fill(body.Text, values) } : null,
    };

    public static string Fill(string text, PlaceholderValues values) => Placeholder().Replace(text, match => match.Value.Replace(" ", "", StringComparison.Ordinal) switch
    {
        ContactName => values.ContactName,
        ContactPhone => values.ContactPhone,
        AgentName => values.AgentName,
        _ => match.Value,
    });

    [GeneratedRegex(@"\{\{\s*[a-z]+\.[a-z]+\s*\}\}")]
    private static partial Regex Placeholder();
}
