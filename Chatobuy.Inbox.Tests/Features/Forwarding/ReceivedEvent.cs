using System.Text;
using System.Text.Json.Nodes;

namespace Chatobuy.Inbox.Tests.Features.Forwarding;

/// <summary>One forwarded POST as an integrator's endpoint got it: the exact bytes, the headers, and what it answered.</summary>
public sealed record ReceivedEvent(byte[] Body, string? Signature, string? EventId, int AnsweredWith)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string Type => Json["type"]!.GetValue<string>();

    public long? ConversationId => Json["conversationId"]?.GetValue<long>();

    public string Text => Encoding.UTF8.GetString(Body);
}
