namespace Chatobuy.Inbox.Tests.Features.Outbound;

/// <summary>
/// Tests that step a clock while the sends they drive run on the thread pool: run alone, after the others, so that a
/// pool crowded by other test classes cannot leave a woken send behind the clock.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SteppedClockCollection
{
    public const string Name = "Stepped clock";
}
