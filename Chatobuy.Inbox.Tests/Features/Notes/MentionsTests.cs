using Chatobuy.Inbox.Features.Notes;

namespace Chatobuy.Inbox.Tests.Features.Notes;

/// <summary>Who a note mentions, and what the <c>@</c> list offers while a name is typed.</summary>
public sealed class MentionsTests
{
    private static readonly Mentionable Ada = new("u-ada", "Ada");
    private static readonly Mentionable AdaLovelace = new("u-lovelace", "Ada Lovelace");
    private static readonly Mentionable Bob = new("u-bob", "Bob Stone");
    private static readonly Mentionable[] Agents = [Ada, AdaLovelace, Bob];

    [Fact]
    public void Find_NamesAfterAt_AreMentioned_OnceEach_InOrder() =>
        Mentions.Find("@Bob Stone can you check? @ada please look too, thanks @bob stone", Agents).ShouldBe([Bob, Ada]);

    [Fact]
    public void Find_TheLongestNameWins() => Mentions.Find("Ask @Ada Lovelace.", Agents).ShouldBe([AdaLovelace]);

    [Fact]
    public void Find_AnEmailAddressOrAPartOfAWord_IsNoMention() =>
        Mentions.Find("Customer wrote from shop@Ada.com; see @Adam", Agents).ShouldBeEmpty();

    [Theory]
    [InlineData("@", "")]
    [InlineData("Ping @Bo", "Bo")]
    [InlineData("Ping @Bob S", "Bob S")]
    public void Typing_AtAfterASpaceOrAtTheStart_IsAQuery(string text, string query) => Mentions.Typing(text).ShouldBe(query);

    [Theory]
    [InlineData("no mention")]
    [InlineData("mail me at me@Bo")]
    [InlineData("@Bob\nnext line")]
    public void Typing_NoMentionBeingTyped_IsNull(string text) => Mentions.Typing(text).ShouldBeNull();

    [Fact]
    public void Suggest_NamesStartingWithTheQueryFirst_ThenAWordOfTheName() =>
        Mentions.Suggest("lo", [Ada, AdaLovelace, Bob, new Mentionable("u-lola", "Lola")]).Select(a => a.Name).ShouldBe(["Lola", "Ada Lovelace"]);

    [Fact]
    public void Complete_FillsTheNameBeingTyped() => Mentions.Complete("Please @bo", Bob).ShouldBe("Please @Bob Stone ");

    [Fact]
    public void Excerpt_IsOneLine_AndShort() =>
        NoteService.Excerpt("First line\nsecond  line " + new string('x', 200)).ShouldSatisfyAllConditions(
            e => e.ShouldStartWith("First line second  line"),
            e => e.Length.ShouldBe(NoteService.ExcerptLength),
            e => e.ShouldEndWith("…"));
}
