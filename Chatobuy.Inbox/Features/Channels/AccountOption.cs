namespace Chatobuy.Inbox.Features.Channels;

public sealed record AccountOption(string WabaId, string Name, IReadOnlyList<NumberOption> Numbers);
