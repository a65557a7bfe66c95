namespace Chatobuy.Inbox.Features.Outbound;

public sealed record SendAcceptedDto(long Id, string Status);
