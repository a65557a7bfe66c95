using Chatobuy.Inbox.Features.QuickReplies;

namespace Chatobuy.Inbox.Tests.Features.QuickReplies;

/// <summary>The list that opens when an agent types <c>/</c>: what starts it, and what it shows as they type.</summary>
public sealed class QuickReplyViewTests
{
    private static readonly QuickReplyView[] Replies =
    [
        Reply(1, "where", "Where is my order?", shared: true),
        Reply(2, "refund", "Refund policy", shared: true),
        Reply(3, "hours", "Opening hours", shared: true),
        Reply(4, "wherever", "My own delivery answer", shared: false),
        Reply(5, "thanks", "Thank you, where it counts", shared: false),
    ];

    private static QuickReplyView Reply(long id, string shortcut, string title, bool shared) =>
        new(id, shortcut, title, "text", shared, shared ? null : "agent", null, null, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("/", "")]
    [InlineData("/wh", "wh")]
    [InlineData("/Where", "Where")]
    public void Typing_SlashAtTheStart_IsAQuery(string text, string query) => QuickReplyView.Typing(text).ShouldBe(query);

    [Theory]
    [InlineData("where")]
    [InlineData(" /where")]
    [InlineData("/where ")]
    [InlineData("/where\nis it")]
    [InlineData("a/b")]
    public void Typing_NotASlashCommand_IsNoQuery(string text) => QuickReplyView.Typing(text).ShouldBeNull();

    [Fact]
    public void Filter_ShortcutStart_ComesFirst_TheAgentsOwnBeforeShared_ThenTitleMatches() =>
        QuickReplyView.Filter(Replies, "wher").Select(r => r.Shortcut).ShouldBe(["wherever", "where", "thanks"]);

    [Fact]
    public void Filter_MatchesTitles_WithoutRegardToCase() =>
        QuickReplyView.Filter(Replies, "POLICY").Select(r => r.Shortcut).ShouldBe(["refund"]);

    [Fact]
    public void Filter_EmptyQuery_ListsEverything() => QuickReplyView.Filter(Replies, "").Count.ShouldBe(5);

    [Fact]
    public void Filter_NothingMatches_IsEmpty() => QuickReplyView.Filter(Replies, "xyz").ShouldBeEmpty();
}
