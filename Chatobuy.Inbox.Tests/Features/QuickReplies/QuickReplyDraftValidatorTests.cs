using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.QuickReplies;

namespace Chatobuy.Inbox.Tests.Features.QuickReplies;

/// <summary>The quick reply form's checks, as the messages next to each field say them.</summary>
public sealed class QuickReplyDraftValidatorTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
    private readonly QuickReplyDraftValidator _validator = new();

    private static QuickReplyDraft Draft(string shortcut = "where", bool shared = false) => new()
    {
        Shortcut = shortcut,
        Title = "Where is my order?",
        Text = "Hi {{contact.name}}, it left our warehouse today.",
        Shared = shared,
    };

    private string[] Errors(QuickReplyDraft draft, string property) =>
        _validator.ValidateValue(draft, property).GetAwaiter().GetResult().ToArray();

    [Fact]
    public void Validate_AGoodDraft_HasNoErrors() => _validator.Validate(Draft()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("where is", "cannot have spaces")]
    [InlineData("", "Choose a shortcut")]
    [InlineData("/where", "Leave out the /")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789", "under 32 characters")]
    public void Shortcut_Bad_IsExplained(string shortcut, string message) =>
        Errors(Draft(shortcut), nameof(QuickReplyDraft.Shortcut)).ShouldHaveSingleItem().ShouldContain(message);

    [Fact]
    public void Shortcut_TakenAmongTheAgentsOwn_IsRefusedForAPersonalOne_NotForASharedOne()
    {
        var personal = Draft("Where");
        personal.TakenPersonal = new HashSet<string>(["where"], StringComparer.OrdinalIgnoreCase);
        Errors(personal, nameof(QuickReplyDraft.Shortcut)).ShouldHaveSingleItem().ShouldBe("You already have a quick reply /where. Choose another shortcut.");

        var shared = Draft("where", shared: true);
        shared.TakenPersonal = personal.TakenPersonal;
        Errors(shared, nameof(QuickReplyDraft.Shortcut)).ShouldBeEmpty();
    }

    [Fact]
    public void Shortcut_TakenAmongTheShared_IsRefusedForASharedOne()
    {
        var shared = Draft("where", shared: true);
        shared.TakenShared = new HashSet<string>(["where"], StringComparer.OrdinalIgnoreCase);
        Errors(shared, nameof(QuickReplyDraft.Shortcut)).ShouldHaveSingleItem().ShouldContain("There is already a shared quick reply /where");
    }

    [Fact]
    public void Title_Empty_IsRequired()
    {
        var draft = Draft();
        draft.Title = " ";
        Errors(draft, nameof(QuickReplyDraft.Title)).ShouldHaveSingleItem().ShouldContain("Give it a title");
    }

    [Fact]
    public void Text_EmptyWithoutAttachment_IsRequired_ButNotWithOne()
    {
        var draft = Draft();
        draft.Text = "";
        Errors(draft, nameof(QuickReplyDraft.Text)).ShouldHaveSingleItem().ShouldContain("Write the text");

        draft.NewAttachment = new OutboundMedia("image", "map.png", "image/png", Png, null);
        Errors(draft, nameof(QuickReplyDraft.Text)).ShouldBeEmpty();
    }

    [Fact]
    public void Text_LongerThanACaption_IsRefusedWithAnAttachment()
    {
        var draft = Draft();
        draft.Text = new string('a', 1500);
        Errors(draft, nameof(QuickReplyDraft.Text)).ShouldBeEmpty();

        draft.NewAttachment = new OutboundMedia("image", "map.png", "image/png", Png, null);
        Errors(draft, nameof(QuickReplyDraft.Text)).ShouldHaveSingleItem().ShouldContain("1024 characters");
    }

    [Fact]
    public void Attachment_WhatsAppDoesNotAccept_IsExplained()
    {
        var draft = Draft();
        draft.NewAttachment = new OutboundMedia("image", "photo.gif", "image/gif", Png, null);
        Errors(draft, nameof(QuickReplyDraft.NewAttachment)).ShouldHaveSingleItem().ShouldContain("does not accept image/gif");

        draft.NewAttachment = new OutboundMedia("image", "huge.png", "image/png", new byte[(5 * 1024 * 1024) + 1], null);
        Errors(draft, nameof(QuickReplyDraft.NewAttachment)).ShouldHaveSingleItem().ShouldContain("up to 5 MB");

        draft.NewAttachment = new OutboundMedia("audio", "hello.mp3", "audio/mpeg", Png, null);
        Errors(draft, nameof(QuickReplyDraft.NewAttachment)).ShouldHaveSingleItem().ShouldBe("Attach an image, a video or a document.");
    }
}
