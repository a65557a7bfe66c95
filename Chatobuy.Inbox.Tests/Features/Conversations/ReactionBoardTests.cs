using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Tests.Features.Conversations;

/// <summary>One reaction per person and message: the latest wins, an older one never replaces it, an empty emoji removes it.</summary>
public sealed class ReactionBoardTests
{
    private const string Target = "wamid.target";
    private const string Customer = "16505551234";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_FirstReaction_IsAdded()
    {
        var board = new ReactionBoard([]);

        board.Apply(new ReactionEvent(Target, Customer, "👍", T0)).ShouldBeTrue();

        var added = board.Added.ShouldHaveSingleItem();
        (added.TargetWaMessageId, added.ReactorId, added.Emoji, added.ReactedAt).ShouldBe((Target, Customer, "👍", T0));
        board.Removed.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_NewerReaction_ReplacesTheStoredOneInPlace()
    {
        var stored = Stored("👍", T0);
        var board = new ReactionBoard([stored]);

        board.Apply(new ReactionEvent(Target, Customer, "❤️", T0.AddMinutes(1))).ShouldBeTrue();

        stored.Emoji.ShouldBe("❤️");
        stored.ReactedAt.ShouldBe(T0.AddMinutes(1));
        board.Added.ShouldBeEmpty();
        board.Removed.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_OlderReaction_ChangesNothing()
    {
        var stored = Stored("❤️", T0.AddMinutes(1));
        var board = new ReactionBoard([stored]);

        board.Apply(new ReactionEvent(Target, Customer, "👍", T0)).ShouldBeFalse();

        stored.Emoji.ShouldBe("❤️");
    }

    [Fact]
    public void Apply_EmptyEmoji_RemovesTheStoredReaction()
    {
        var stored = Stored("👍", T0);
        var board = new ReactionBoard([stored]);

        board.Apply(new ReactionEvent(Target, Customer, "", T0.AddMinutes(1))).ShouldBeTrue();

        board.Removed.ShouldHaveSingleItem().ShouldBeSameAs(stored);
        board.Added.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_RemovedThenReactedAgain_KeepsTheStoredRow()
    {
        var stored = Stored("👍", T0);
        var board = new ReactionBoard([stored]);

        board.Apply(new ReactionEvent(Target, Customer, "", T0.AddMinutes(1)));
        board.Apply(new ReactionEvent(Target, Customer, "😮", T0.AddMinutes(2)));

        stored.Emoji.ShouldBe("😮");
        board.Removed.ShouldBeEmpty();
        board.Added.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_AddedThenTakenBack_AddsNothing()
    {
        var board = new ReactionBoard([]);

        board.Apply(new ReactionEvent(Target, Customer, "👍", T0));
        board.Apply(new ReactionEvent(Target, Customer, "", T0.AddSeconds(1)));

        board.Added.ShouldBeEmpty();
        board.Removed.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_BusinessAndCustomerOnTheSameMessage_AreKeptApart()
    {
        var customers = Stored("👍", T0);
        var board = new ReactionBoard([customers]);

        board.Apply(new ReactionEvent(Target, Reaction.Business, "🙏", T0.AddMinutes(1)));

        customers.Emoji.ShouldBe("👍");
        board.Added.ShouldHaveSingleItem().ReactorId.ShouldBe(Reaction.Business);
    }

    private static Reaction Stored(string emoji, DateTimeOffset at) =>
        new() { Id = 1, TargetWaMessageId = Target, ReactorId = Customer, Emoji = emoji, ReactedAt = at };
}
