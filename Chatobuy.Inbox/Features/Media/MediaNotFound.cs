namespace Chatobuy.Inbox.Features.Media;

public sealed record MediaNotFound(string Error);
