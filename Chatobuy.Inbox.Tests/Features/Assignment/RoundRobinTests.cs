using Chatobuy.Inbox.Features.Assignment;

namespace Chatobuy.Inbox.Tests.Features.Assignment;

/// <summary>The round-robin cursor: the next agent after the last one given a conversation, in a fixed order.</summary>
public sealed class RoundRobinTests
{
    private static readonly string[] Agents = ["c", "a", "b"];

    [Fact]
    public void Next_NothingGivenYet_TheFirstInOrder() =>
        RoundRobin.Next(Agents, null, _ => true).ShouldBe("a");

    [Fact]
    public void Next_TurnsGoInOrderAndWrapAround()
    {
        var given = new List<string>();
        string? last = null;
        for (var i = 0; i < 7; i++)
        {
            last = RoundRobin.Next(Agents, last, _ => true);
            given.Add(last!);
        }

        given.ShouldBe(["a", "b", "c", "a", "b", "c", "a"]);
    }

    [Fact]
    public void Next_AnAgentWhoCannotTake_IsSkippedNotOwedATurn()
    {
        RoundRobin.Next(Agents, "a", agent => agent != "b").ShouldBe("c");
        RoundRobin.Next(Agents, "c", agent => agent != "a").ShouldBe("b");
    }

    [Fact]
    public void Next_NobodyCanTake_Null()
    {
        RoundRobin.Next(Agents, "a", _ => false).ShouldBeNull();
        RoundRobin.Next([], null, _ => true).ShouldBeNull();
    }

    [Fact]
    public void Next_TheLastAgentLeft_TheTurnGoesToWhoeverFollowedThem() =>
        RoundRobin.Next(["a", "c"], "b", _ => true).ShouldBe("c");

    [Fact]
    public void Next_ANewAgentJoins_GetsTheirPlaceInTheOrder() =>
        RoundRobin.Next(["a", "b", "bb", "c"], "b", _ => true).ShouldBe("bb");

    [Fact]
    public void Next_ManyTurns_EveryAgentGetsTheSameShareWithinOne()
    {
        var counts = Agents.ToDictionary(a => a, _ => 0);
        string? last = null;
        for (var i = 0; i < 100; i++)
        {
            last = RoundRobin.Next(Agents, last, _ => true)!;
            counts[last]++;
        }

        (counts.Values.Max() - counts.Values.Min()).ShouldBeLessThanOrEqualTo(1);
    }
}
