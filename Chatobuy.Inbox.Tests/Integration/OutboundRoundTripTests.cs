namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>
/// Five seconds of work with Meta taking its time to answer (300 ± 100 ms): the sends keep going while earlier ones
/// are out, and Meta still never counts more than the limit in a second.
/// </summary>
public sealed class OutboundRoundTripTests() : OutboundThroughputCase(customers: 20, perCustomer: 5, responseDelayMilliseconds: 300, jitterMilliseconds: 100, numbers: "5511966");
