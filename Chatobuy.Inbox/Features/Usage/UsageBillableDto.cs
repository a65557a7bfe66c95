namespace Chatobuy.Inbox.Features.Usage;

/// <summary>Messages Meta bills in a month, by pricing category.</summary>
public sealed record UsageBillableDto(int Total, int Marketing, int Utility, int Authentication, int Service, int Other);
