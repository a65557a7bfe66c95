using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Interactive;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>What the builder saves for each type, and what it checks besides Meta's limits: the name and a header file.</summary>
public sealed class InteractiveMessageDraftTests
{
    private readonly InteractiveMessageDraftValidator _validator = new();

    private static InteractiveMessageDraft Buttons() => new()
    {
        Name = "Delivery slots",
        Body = "Hi {{contact.name}}, pick a slot",
        Buttons = [new() { Title = "Morning" }, new() { Title = "Evening" }],
    };

    [Fact]
    public void NewButton_HasARandomCallbackIdWithoutSpaces()
    {
        var first = new InteractiveButtonDraft();
        var second = new InteractiveButtonDraft();

        first.Id.ShouldStartWith("btn_");
        first.Id.ShouldNotContain(" ");
        first.Id.ShouldNotBe(second.Id);
        new InteractiveRowDraft().Id.ShouldStartWith("row_");
    }

    [Fact]
    public void ToInteractive_Buttons_IsMetasObjectWithPlaceholdersKept()
    {
        var draft = Buttons();
        draft.Footer = "Reply by 6 pm";

        var interactive = draft.ToInteractive();

        interactive.Type.ShouldBe(InteractiveTypes.Button);
        interactive.Body!.Text.ShouldBe("Hi {{contact.name}}, pick a slot");
        interactive.Footer!.Text.ShouldBe("Reply by 6 pm");
        interactive.Header.ShouldBeNull();
        interactive.Action.Buttons!.Select(b => b.Reply.Title).ShouldBe(["Morning", "Evening"]);
        interactive.Action.Buttons!.Select(b => b.Reply.Id).ShouldBe(draft.Buttons.Select(b => b.Id));
        _validator.ErrorsOf(draft).ShouldBeEmpty();
    }

    [Fact]
    public void ToInteractive_TypeSwitched_KeepsOnlyWhatTheTypeTakes()
    {
        var draft = Buttons();
        draft.HeaderKind = InteractiveHeaderKind.Image;
        draft.HeaderLink = "https://cdn.example.com/a.jpg";
        draft.Type = InteractiveTypes.LocationRequest;
        draft.Footer = "ignored";

        var interactive = draft.ToInteractive();

        interactive.Header.ShouldBeNull();
        interactive.Footer.ShouldBeNull();
        interactive.Action.Name.ShouldBe("send_location");
        interactive.Action.Buttons.ShouldBeNull();
        _validator.ErrorsOf(draft).ShouldBeEmpty();
    }

    [Fact]
    public void ToInteractive_ListAndProductList_KeepSectionsApart()
    {
        var draft = new InteractiveMessageDraft
        {
            Name = "Menu",
            Type = InteractiveTypes.List,
            Body = "Our menu",
            ListButton = "See dishes",
            Sections = [new() { Title = "", Rows = [new() { Id = "soup", Title = "Soup", Description = "" }] }],
            ProductSections = [new() { Title = "Mugs", ProductRetailerIds = ["MUG-BLUE"] }],
            CatalogId = "771",
        };

        var list = draft.ToInteractive();
        list.Action.Sections!.ShouldHaveSingleItem().Rows!.ShouldHaveSingleItem().ShouldBe(new InteractiveRow("soup", "Soup"));
        list.Action.Sections![0].Title.ShouldBeNull();

        draft.Type = InteractiveTypes.ProductList;
        draft.HeaderText = "Our picks";
        var products = draft.ToInteractive();
        products.Header!.Text.ShouldBe("Our picks");
        products.Action.CatalogId.ShouldBe("771");
        products.Action.Sections!.ShouldHaveSingleItem().ProductItems!.ShouldHaveSingleItem().ProductRetailerId.ShouldBe("MUG-BLUE");
        _validator.ErrorsOf(draft).ShouldBeEmpty();
    }

    [Fact]
    public void From_ASavedMessage_GivesTheSameObjectBack()
    {
        var draft = Buttons();
        draft.HeaderKind = InteractiveHeaderKind.Text;
        draft.HeaderText = "Delivery";
        var saved = new InteractiveMessage { Name = draft.Name, Type = InteractiveTypes.Button };

        var again = InteractiveMessageDraft.From(saved, draft.ToInteractive());

        again.ToInteractive().ShouldBeEquivalentTo(draft.ToInteractive());
    }

    [Theory]
    [InlineData("", "Give the message a name agents will recognise.")]
    [InlineData("   ", "Give the message a name agents will recognise.")]
    public void Name_Empty_IsAskedFor(string name, string message)
    {
        var draft = Buttons();
        draft.Name = name;

        _validator.ErrorsOf(draft)["Name"].ShouldBe(message);
    }

    [Fact]
    public void Name_101Characters_IsTooLong()
    {
        var draft = Buttons();
        draft.Name = new string('n', 100);
        _validator.ErrorsOf(draft).ShouldBeEmpty();

        draft.Name = new string('n', 101);
        _validator.ErrorsOf(draft)["Name"].ShouldBe("The name can be at most 100 characters; it has 101.");
    }

    [Fact]
    public void HeaderFile_KeptOrChosen_NeedsNoLink()
    {
        var draft = Buttons();
        draft.HeaderKind = InteractiveHeaderKind.Document;
        _validator.ErrorsOf(draft)["Header.Media"].ShouldBe("Choose the header's file (or give its https link).");

        draft.HeaderFile = new InteractiveHeaderFile("menu.pdf", "application/pdf", [1, 2, 3]);

        _validator.ErrorsOf(draft).ShouldBeEmpty();
        var saved = draft.ToInteractive();
        saved.Header!.Document!.Filename.ShouldBe("menu.pdf");
        saved.Header.Document.Id.ShouldBeNull("the id comes when the kept file is uploaded at send time");
        InteractiveLibrary.Checkable(saved, hasKeptFile: true).Header!.Media!.Id.ShouldBe(InteractiveLibrary.KeptFileStandInId);
    }

    [Fact]
    public void HeaderFile_OfTheWrongTypeOrTooBig_IsRefusedWithWhatWhatsAppTakes()
    {
        var draft = Buttons();
        draft.HeaderKind = InteractiveHeaderKind.Image;

        draft.HeaderFile = new InteractiveHeaderFile("menu.pdf", "application/pdf", [1]);
        _validator.ErrorsOf(draft)["Header.Media"].ShouldContain("JPEG or PNG");

        draft.HeaderFile = new InteractiveHeaderFile("big.jpg", "image/jpeg", new byte[(5 * 1024 * 1024) + 1]);
        _validator.ErrorsOf(draft)["Header.Media"].ShouldContain("up to 5 MB");
    }

    [Fact]
    public void HeaderLink_NotHttps_IsRefused()
    {
        var draft = Buttons();
        draft.HeaderKind = InteractiveHeaderKind.Video;
        draft.HeaderLink = "http://cdn.example.com/a.mp4";

        _validator.ErrorsOf(draft)["Header.Media"].ShouldBe("Give the file's https:// link, or upload the file.");
    }

    [Fact]
    public void ErrorsOf_NestedFields_AreNamedAsTheBuilderShowsThem()
    {
        var draft = Buttons();
        draft.Buttons[1].Title = new string('t', 21);

        _validator.ErrorsOf(draft).Keys.ShouldBe(["Action.Buttons[1].Reply.Title"]);
    }
}
