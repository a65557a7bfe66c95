namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>What a saved message's header is: nothing, text, or a file (reply buttons only take files).</summary>
public enum InteractiveHeaderKind
{
    None,
    Text,
    Image,
    Video,
    Document,
}
