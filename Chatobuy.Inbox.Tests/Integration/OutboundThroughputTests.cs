namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>Three seconds of work queued at once, Meta answering at once.</summary>
public sealed class OutboundThroughputTests() : OutboundThroughputCase(customers: 12, perCustomer: 6, responseDelayMilliseconds: 0, jitterMilliseconds: 0, numbers: "5511955");
