using Bunit;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>The builder as an admin uses it, type by type: fields, counters, the live preview, errors next to their fields.</summary>
public sealed class InteractiveFormTests : ComponentTestContext
{
    private static readonly ChannelCatalog Catalog = new("771000000000001", "Sandbox shop",
    [
        new ProductCard("MUG-BLUE", "Blue ceramic mug", "$12.50", null),
        new ProductCard("TEE-BLACK-M", "Black T-shirt (M)", "$19.00", null),
        new ProductCard("CAP-RED", "Red cap", "$9.99", null),
    ]);

    private readonly List<InteractiveMessageDraft> _submitted = [];

    public InteractiveFormTests()
    {
        Services.AddSingleton<InteractiveObjectValidator>();
        Services.AddSingleton<InteractiveMessageDraftValidator>();
    }

    private IRenderedComponent<InteractiveForm> RenderForm(InteractiveMessageDraft draft, ChannelCatalog? catalog = null, IReadOnlyDictionary<string, string>? serverErrors = null)
    {
        return Render<InteractiveForm>(p => p
            .Add(f => f.Draft, draft)
            .Add(f => f.Catalog, catalog ?? ChannelCatalog.None)
            .Add(f => f.ServerErrors, serverErrors)
            .Add(f => f.OnSubmit, d => _submitted.Add(d)));
    }

    /// <summary>A MudBlazor field's whole text: label, counter, helper and the error shown under it.</summary>
    private static string FieldText(IRenderedComponent<InteractiveForm> form, string testId, int index = 0) =>
        form.FindAll($"[data-testid={testId}]")[index].Closest(".mud-input-control")!.TextContent;

    [Fact]
    public void Buttons_TypingAndAddingButtons_PreviewFollowsEveryKeystroke()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Slots" });

        form.Find("[data-testid=body]").Input("Hi {{contact.name}}, pick a *slot*");
        form.Find("[data-testid=button-title]").Input("Morning");
        form.Find("[data-testid=add-button]").Click();
        form.FindAll("[data-testid=button-title]")[1].Input("Evening");

        form.Find("[data-testid=preview-body]").InnerHtml.ShouldBe($"Hi {InteractivePlaceholders.Samples.ContactName}, pick a <strong>slot</strong>");
        form.FindAll("[data-testid=preview-reply-button]").Select(b => b.TextContent.Trim()).ShouldBe(["Morning", "Evening"]);
        FieldText(form, "body").ShouldContain("34 / 1024");
        FieldText(form, "button-title").ShouldContain("7 / 20");
    }

    [Fact]
    public void Buttons_EachNewButton_HasARandomCallbackIdTheAdminMayChange()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Slots", Body = "Pick one" });
        form.Find("[data-testid=add-button]").Click();

        var ids = form.FindAll("[data-testid=button-id]").Select(i => i.GetAttribute("value")).ToList();
        ids.Count.ShouldBe(2);
        ids.ShouldAllBe(id => id!.StartsWith("btn_"));
        ids[0].ShouldNotBe(ids[1]);

        form.FindAll("[data-testid=button-id]")[0].Input("slot-morning");
        form.FindAll("[data-testid=button-title]")[0].Input("Morning");
        form.FindAll("[data-testid=button-title]")[1].Input("Evening");
        form.Find("[data-testid=submit]").Click();

        _submitted.ShouldHaveSingleItem().ToInteractive().Action.Buttons![0].Reply.Id.ShouldBe("slot-morning");
    }

    [Fact]
    public void Buttons_ThreeAlready_CannotAddAFourth()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Buttons = [new(), new(), new()] });

        form.Find("[data-testid=add-button]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Submit_OverTheLimits_ShowsEachMessageNextToItsFieldAndSavesNothing()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "", Body = new string('b', 1025), Buttons = [new() { Title = "A label far too long" + "!" }] });

        form.Find("[data-testid=submit]").Click();

        FieldText(form, "name").ShouldContain("Give the message a name agents will recognise.");
        FieldText(form, "body").ShouldContain("The body can be at most 1024 characters; it has 1025.");
        FieldText(form, "button-title").ShouldContain("A button label can be at most 20 characters; this one has 21.");
        form.Find("[data-testid=form-errors]").TextContent.ShouldContain("the 3 fields");
        _submitted.ShouldBeEmpty();

        form.Find("[data-testid=button-title]").Input("Yes");
        FieldText(form, "button-title").ShouldNotContain("at most 20");
    }

    [Fact]
    public void ServerErrors_NameTaken_IsShownUnderTheName()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Slots", Body = "Pick" }, serverErrors: new Dictionary<string, string> { ["Name"] = InteractiveLibrary.NameTakenMessage });

        FieldText(form, "name").ShouldContain(InteractiveLibrary.NameTakenMessage);
    }

    [Fact]
    public void List_SectionsAndRows_ArePreviewedUnderTheListButton()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Menu", Body = "Our menu" });

        form.Find("[data-testid=type-list]").Click();
        form.Find("[data-testid=list-button]").Input("See dishes");
        form.Find("[data-testid=row-title]").Input("Tomato soup");
        form.Find("[data-testid=row-description]").Input("With basil");
        form.Find("[data-testid=add-section]").Click();
        form.FindAll("[data-testid=section-editor]").Count.ShouldBe(2, form.Find("[data-testid=add-section]").OuterHtml);
        form.FindAll("[data-testid=section-title]")[0].Input("Starters");
        form.FindAll("[data-testid=section-title]")[1].Input("Mains");
        form.FindAll("[data-testid=row-title]")[1].Input("Risotto");

        form.Find("[data-testid=preview-list-button]").TextContent.Trim().ShouldBe("See dishes");
        form.FindAll("[data-testid=preview-section]").Select(s => s.TextContent).ShouldBe(["Starters", "Mains"]);
        form.FindAll("[data-testid=preview-row]").Select(r => r.TextContent.Trim()).ShouldBe(["Tomato soupWith basil", "Risotto"]);
        form.FindAll("[data-testid=preview-reply-button]").ShouldBeEmpty();

        form.Find("[data-testid=submit]").Click();
        var sections = _submitted.ShouldHaveSingleItem().ToInteractive().Action.Sections!;
        sections.Select(s => s.Title).ShouldBe(["Starters", "Mains"]);
    }

    [Fact]
    public void List_TenRows_CannotAddMore()
    {
        RenderProviders();
        var draft = new InteractiveMessageDraft { Type = InteractiveTypes.List, Sections = [new() { Rows = Enumerable.Range(0, 10).Select(_ => new InteractiveRowDraft()).ToList() }] };

        var form = RenderForm(draft);

        form.Find("[data-testid=add-row]").HasAttribute("disabled").ShouldBeTrue();
        form.Find("[data-testid=add-section]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void List_TwoSectionsOneUntitled_SaysEachNeedsATitle()
    {
        RenderProviders();
        var draft = new InteractiveMessageDraft
        {
            Name = "Menu",
            Type = InteractiveTypes.List,
            Body = "Our menu",
            ListButton = "See",
            Sections = [new() { Title = "Starters", Rows = [new() { Title = "Soup" }] }, new() { Rows = [new() { Title = "Risotto" }] }],
        };
        var form = RenderForm(draft);

        form.Find("[data-testid=submit]").Click();

        form.Find("[data-testid=sections-error]").TextContent.ShouldBe("With more than one section, each section needs a title.");
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void CtaUrl_ButtonTextAndAddress_ArePreviewedAsALink()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Shop", Body = "Our autumn collection is here" });

        form.Find("[data-testid=type-cta_url]").Click();
        form.Find("[data-testid=display-text]").Input("Visit the shop");
        form.Find("[data-testid=url]").Input("http://shop.example.com");
        form.Find("[data-testid=submit]").Click();
        FieldText(form, "url").ShouldContain("Give the https:// address the button opens.");

        form.Find("[data-testid=url]").Input("https://shop.example.com/autumn");

        var link = form.Find("[data-testid=preview-url-button]");
        link.TextContent.Trim().ShouldBe("Visit the shop");
        link.GetAttribute("href").ShouldBe("https://shop.example.com/autumn");
        form.FindAll("[data-testid=header-kind]").ShouldNotBeEmpty();
        form.Find("[data-testid=submit]").Click();
        _submitted.ShouldHaveSingleItem().ToInteractive().Action.Parameters.ShouldBe(new InteractiveParameters("Visit the shop", "https://shop.example.com/autumn"));
    }

    [Fact]
    public void LocationRequest_HasABodyOnly_AndPreviewsSendLocation()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Where", Body = "Where should we deliver, {{contact.name}}?", Footer = "x" });

        form.Find("[data-testid=type-location_request_message]").Click();

        form.FindAll("[data-testid=footer]").ShouldBeEmpty();
        form.FindAll("[data-testid=header-kind]").ShouldBeEmpty();
        form.Find("[data-testid=preview-location-button]").TextContent.Trim().ShouldBe("Send location");
        form.FindAll("[data-testid=preview-footer]").ShouldBeEmpty();
        form.Find("[data-testid=submit]").Click();
        _submitted.ShouldHaveSingleItem().ToInteractive().ShouldBe(new InteractiveObject(
            InteractiveTypes.LocationRequest, new InteractiveAction { Name = "send_location" }, new InteractiveText("Where should we deliver, {{contact.name}}?")));
    }

    [Fact]
    public void ProductTypes_WithoutACatalog_AreDisabledWithTheReason()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft(), ChannelCatalog.None);

        form.Find("[data-testid=type-product]").HasAttribute("disabled").ShouldBeTrue();
        form.Find("[data-testid=type-product_list]").HasAttribute("disabled").ShouldBeTrue();
        form.Find("[data-testid=type-button]").HasAttribute("disabled").ShouldBeFalse();
        form.Find("[data-testid=catalog-hint]").TextContent.ShouldContain("link a catalog to this channel's WhatsApp Business Account first");
    }

    [Fact]
    public void SingleProduct_PickedFromTheCatalog_IsPreviewedWithNameAndPrice()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Mug" }, Catalog);

        form.Find("[data-testid=type-product]").Click();
        form.FindAll("[data-testid=preview-body]").ShouldBeEmpty();
        Check(form, "single-product", "TEE-BLACK-M");

        form.Find("[data-testid=preview-product] [data-testid=product-name]").TextContent.ShouldBe("Black T-shirt (M)");
        form.Find("[data-testid=preview-product] [data-testid=product-price]").TextContent.ShouldBe("$19.00");
        form.Find("[data-testid=preview-view-button]").TextContent.Trim().ShouldBe("View");
        form.Find("[data-testid=submit]").Click();
        var action = _submitted.ShouldHaveSingleItem().ToInteractive().Action;
        action.CatalogId.ShouldBe("771000000000001");
        action.ProductRetailerId.ShouldBe("TEE-BLACK-M");
    }

    [Fact]
    public void MultiProduct_TitledSections_CountTheProductsAndPreviewThem()
    {
        RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Name = "Picks", Body = "Tap to browse" }, Catalog);

        form.Find("[data-testid=type-product_list]").Click();
        form.Find("[data-testid=submit]").Click();
        FieldText(form, "header-text").ShouldContain("Write the header's text.");

        form.Find("[data-testid=header-text]").Input("Autumn picks");
        form.Find("[data-testid=section-title]").Input("Mugs and tees");
        Check(form, "section-products-0", "MUG-BLUE");
        Check(form, "section-products-0", "TEE-BLACK-M");

        form.Find("[data-testid=product-count]").TextContent.ShouldBe("(2 of 30 products)");
        form.Find("[data-testid=preview-products-summary]").TextContent.ShouldContain("2 items");
        form.FindAll("[data-testid=preview-product-list] [data-testid=product-name]").Select(n => n.TextContent).ShouldBe(["Blue ceramic mug", "Black T-shirt (M)"]);
        form.Find("[data-testid=submit]").Click();
        var interactive = _submitted.ShouldHaveSingleItem().ToInteractive();
        interactive.Header!.Text.ShouldBe("Autumn picks");
        interactive.Action.Sections!.ShouldHaveSingleItem().ProductItems!.Select(p => p.ProductRetailerId).ShouldBe(["MUG-BLUE", "TEE-BLACK-M"]);
    }

    [Fact]
    public void MultiProduct_ThirtyChosen_OnlyUntickingWorks()
    {
        RenderProviders();
        var draft = new InteractiveMessageDraft
        {
            Type = InteractiveTypes.ProductList,
            ProductSections = [new() { Title = "All", ProductRetailerIds = [.. Enumerable.Range(0, 29).Select(i => $"OTHER-{i}"), "MUG-BLUE"] }],
        };

        var form = RenderForm(draft, Catalog);

        Option(form, "section-products-0", "CAP-RED").QuerySelector("input")!.HasAttribute("disabled").ShouldBeTrue();
        Option(form, "section-products-0", "MUG-BLUE").QuerySelector("input")!.HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public void InsertPlaceholder_InTheBody_AppendsItAndPreviewsTheSample()
    {
        var providers = RenderProviders();
        var form = RenderForm(new InteractiveMessageDraft { Body = "Hello" });

        form.Find("[data-testid=body-placeholder] button").Click();
        providers.WaitForAssertion(() => providers.FindAll("[data-testid=body-placeholder-item]")[0].Click());

        form.Find("[data-testid=body]").GetAttribute("value").ShouldBe("Hello {{contact.name}}");
        form.Find("[data-testid=preview-body]").TextContent.ShouldBe($"Hello {InteractivePlaceholders.Samples.ContactName}");
    }

    [Fact]
    public async Task ImageHeader_FileChosen_IsNamedAndPreviewed()
    {
        RenderProviders();
        var draft = new InteractiveMessageDraft { Name = "Promo", Body = "New in", HeaderKind = InteractiveHeaderKind.Image, Buttons = [new() { Title = "Show me" }] };
        var form = RenderForm(draft);

        await form.InvokeAsync(() => form.Instance.UseHeaderFile(new InteractiveHeaderFile("mug.png", "image/png", [137, 80, 78, 71])));

        form.Find("[data-testid=header-file-name]").TextContent.ShouldBe("mug.png");
        form.Find("[data-testid=preview-header] img").GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        form.FindAll("[data-testid=header-link]").ShouldBeEmpty();
        form.Find("[data-testid=submit]").Click();
        _submitted.ShouldHaveSingleItem().HeaderFile!.FileName.ShouldBe("mug.png");
    }

    private static AngleSharp.Dom.IElement Option(IRenderedComponent<InteractiveForm> form, string picker, string retailerId) =>
        form.Find($"[data-testid={picker}] [data-retailer-id=\"{retailerId}\"]");

    private static void Check(IRenderedComponent<InteractiveForm> form, string picker, string retailerId) =>
        Option(form, picker, retailerId).QuerySelector("input")!.Change(true);
}
