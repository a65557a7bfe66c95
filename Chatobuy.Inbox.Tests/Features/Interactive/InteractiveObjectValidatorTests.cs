using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Interactive;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>Meta's limits on interactive messages (reference §3.4), each problem named by its field, one limit at a time.</summary>
public sealed class InteractiveObjectValidatorTests
{
    private readonly InteractiveObjectValidator _validator = new();

    private static InteractiveText Text(string text) => new(text);

    private static string Long(int length) => new('a', length);

    private static InteractiveObject Buttons(params string[] titles) => new(
        InteractiveTypes.Button,
        new InteractiveAction { Buttons = titles.Select((t, i) => new InteractiveButton(new InteractiveReply($"id-{i}", t))).ToList() },
        Text("Pick a delivery slot"));

    private static InteractiveObject List(params InteractiveSection[] sections) => new(
        InteractiveTypes.List,
        new InteractiveAction { Button = "See options", Sections = sections },
        Text("Our menu"));

    private static InteractiveSection Rows(string? title, int count, int start = 0) =>
        new(title, Enumerable.Range(start, count).Select(i => new InteractiveRow($"row-{i}", $"Row {i}")).ToList());

    private static InteractiveObject CtaUrl(string displayText, string url) => new(
        InteractiveTypes.CtaUrl,
        new InteractiveAction { Name = "cta_url", Parameters = new InteractiveParameters(displayText, url) },
        Text("See our shop"));

    private static InteractiveObject ProductList(params InteractiveSection[] sections) => new(
        InteractiveTypes.ProductList,
        new InteractiveAction { CatalogId = "771", Sections = sections },
        Text("Autumn picks"),
        InteractiveHeader.ForText("Our picks"));

    private static InteractiveSection Products(string? title, int count, int start = 0) =>
        new(title, ProductItems: Enumerable.Range(start, count).Select(i => new InteractiveProductItem($"SKU-{i}")).ToList());

    private Dictionary<string, string> ErrorsOf(InteractiveObject interactive) =>
        _validator.Validate(interactive).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    public static TheoryData<string> ValidMessages => new() { "button", "list", "cta_url", "location", "product", "product_list", "media" };

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void Validate_AMessageOfEachTypeWithinTheLimits_HasNoProblem(string kind)
    {
        InteractiveObject interactive = kind switch
        {
            "button" => Buttons("Morning", "Afternoon", "Evening") with { Header = InteractiveHeader.ForText("Delivery"), Footer = Text("Reply by 6 pm") },
            "list" => List(Rows("Starters", 5), Rows("Mains", 5, 5)),
            "cta_url" => CtaUrl("Visit the shop", "https://shop.example.com/autumn"),
            "location" => new(InteractiveTypes.LocationRequest, new InteractiveAction { Name = "send_location" }, Text("Where should we deliver?")),
            "product" => new(InteractiveTypes.Product, new InteractiveAction { CatalogId = "771", ProductRetailerId = "MUG-BLUE" }),
            "product_list" => ProductList(Products("Mugs", 15), Products("Shirts", 15, 15)),
            _ => Buttons("Yes", "No") with { Header = InteractiveHeader.ForMedia("image", new MediaObject(Link: "https://cdn.example.com/a.jpg")) },
        };

        ErrorsOf(interactive).ShouldBeEmpty();
    }

    [Fact]
    public void Body_1025Characters_IsTooLong()
    {
        ErrorsOf(Buttons("Yes") with { Body = Text(Long(1024)) }).ShouldBeEmpty();

        ErrorsOf(Buttons("Yes") with { Body = Text(Long(1025)) })["Body.Text"].ShouldBe("The body can be at most 1024 characters; it has 1025.");
    }

    [Fact]
    public void Body_Missing_IsAskedForExceptOnASingleProduct()
    {
        ErrorsOf(Buttons("Yes") with { Body = Text("  ") })["Body.Text"].ShouldBe("Write the message's body.");
        ErrorsOf(Buttons("Yes") with { Body = null }).ShouldContainKey("Body.Text");

        ErrorsOf(new(InteractiveTypes.Product, new InteractiveAction { CatalogId = "771", ProductRetailerId = "MUG-BLUE" })).ShouldBeEmpty();
    }

    [Fact]
    public void Footer_61Characters_IsTooLong()
    {
        ErrorsOf(Buttons("Yes") with { Footer = Text(Long(60)) }).ShouldBeEmpty();

        ErrorsOf(Buttons("Yes") with { Footer = Text(Long(61)) })["Footer.Text"].ShouldBe("The footer can be at most 60 characters; it has 61.");
    }

    [Fact]
    public void HeaderText_61CharactersOrEmpty_IsRefused()
    {
        ErrorsOf(Buttons("Yes") with { Header = InteractiveHeader.ForText(Long(60)) }).ShouldBeEmpty();

        ErrorsOf(Buttons("Yes") with { Header = InteractiveHeader.ForText(Long(61)) })["Header.Text"].ShouldBe("The header can be at most 60 characters; it has 61.");
        ErrorsOf(Buttons("Yes") with { Header = InteractiveHeader.ForText(" ") })["Header.Text"].ShouldBe("Write the header's text.");
    }

    [Fact]
    public void Header_OfAKindTheTypeDoesNotTake_IsRefused()
    {
        var image = InteractiveHeader.ForMedia("image", new MediaObject(Id: "123"));

        ErrorsOf(List(Rows(null, 1)) with { Header = image })["Header"].ShouldBe("This type's header can only be text.");
        ErrorsOf(CtaUrl("Open", "https://a.example") with { Header = image })["Header"].ShouldBe("This type's header can only be text.");
        ErrorsOf(new(InteractiveTypes.Product, new InteractiveAction { CatalogId = "771", ProductRetailerId = "A" }, Header: InteractiveHeader.ForText("Hi")))["Header"]
            .ShouldBe("This type takes no header.");
        ErrorsOf(new(InteractiveTypes.LocationRequest, new InteractiveAction { Name = "send_location" }, Text("Where?"), InteractiveHeader.ForText("Hi")))["Header"]
            .ShouldBe("This type takes no header.");
        ErrorsOf(ProductList(Products("Mugs", 1)) with { Header = null })["Header"].ShouldBe("A multi-product message needs a text header.");
    }

    [Fact]
    public void MediaHeader_WithoutFileOrLink_AsksForTheFile()
    {
        ErrorsOf(Buttons("Yes") with { Header = InteractiveHeader.ForMedia("video", new MediaObject()) })["Header.Media"]
            .ShouldBe("Choose the header's file (or give its https link).");
        ErrorsOf(Buttons("Yes") with { Header = InteractiveHeader.ForMedia("document", new MediaObject(Id: "4490")) }).ShouldBeEmpty();
    }

    [Fact]
    public void Buttons_NoneOrFour_AreRefused()
    {
        ErrorsOf(Buttons())["Action.Buttons"].ShouldBe("Give 1 to 3 buttons.");
        ErrorsOf(Buttons("A", "B", "C", "D"))["Action.Buttons"].ShouldBe("Give 1 to 3 buttons.");
    }

    [Fact]
    public void ButtonLabel_21CharactersOrEmpty_IsRefusedOnThatButton()
    {
        ErrorsOf(Buttons("Yes", Long(20))).ShouldBeEmpty();

        ErrorsOf(Buttons("Yes", Long(21)))["Action.Buttons[1].Reply.Title"].ShouldBe("A button label can be at most 20 characters; this one has 21.");
        ErrorsOf(Buttons("Yes", " "))["Action.Buttons[1].Reply.Title"].ShouldBe("Give the button a label.");
    }

    [Fact]
    public void ButtonLabels_Repeated_AreRefused()
    {
        ErrorsOf(Buttons("Yes", "Yes"))["Action.Buttons"].ShouldBe("Each button needs its own label.");
    }

    [Fact]
    public void CallbackId_TooLongSpacedOrRepeated_IsRefused()
    {
        InteractiveObject WithIds(params string[] ids) => Buttons(ids.Select((_, i) => $"Option {i}").ToArray()) with
        {
            Action = new InteractiveAction { Buttons = ids.Select((id, i) => new InteractiveButton(new InteractiveReply(id, $"Option {i}"))).ToList() },
        };

        ErrorsOf(WithIds(Long(256))).ShouldBeEmpty();
        ErrorsOf(WithIds(Long(257)))["Action.Buttons[0].Reply.Id"].ShouldBe("A callback ID can be at most 256 characters.");
        ErrorsOf(WithIds(" slot-1"))["Action.Buttons[0].Reply.Id"].ShouldBe("A callback ID cannot start or end with a space.");
        ErrorsOf(WithIds("slot-1 "))["Action.Buttons[0].Reply.Id"].ShouldBe("A callback ID cannot start or end with a space.");
        ErrorsOf(WithIds(""))["Action.Buttons[0].Reply.Id"].ShouldBe("Give the button a callback ID.");
        ErrorsOf(WithIds("same", "same"))["Action.Buttons"].ShouldBe("Each button needs its own callback ID.");
    }

    [Fact]
    public void ListButton_21CharactersOrEmpty_IsRefused()
    {
        ErrorsOf(List(Rows(null, 1)) with { Action = new InteractiveAction { Button = Long(20), Sections = [Rows(null, 1)] } }).ShouldBeEmpty();

        ErrorsOf(List(Rows(null, 1)) with { Action = new InteractiveAction { Button = Long(21), Sections = [Rows(null, 1)] } })["Action.Button"]
            .ShouldBe("The list button's label can be at most 20 characters; it has 21.");
        ErrorsOf(List(Rows(null, 1)) with { Action = new InteractiveAction { Button = "", Sections = [Rows(null, 1)] } })["Action.Button"]
            .ShouldBe("Give the list's button a label.");
    }

    [Fact]
    public void ListSections_NoneOrEleven_AreRefused()
    {
        ErrorsOf(List())["Action.Sections"].ShouldBe("Give 1 to 10 sections.");
        ErrorsOf(List(Enumerable.Range(0, 11).Select(i => Rows($"S{i}", 0)).ToArray()))["Action.Sections"].ShouldBe("Give 1 to 10 sections.");
    }

    [Fact]
    public void ListRows_ElevenInAllOrNone_AreRefused()
    {
        ErrorsOf(List(Rows("A", 10))).ShouldBeEmpty();

        ErrorsOf(List(Rows("A", 6), Rows("B", 5, 6)))["Action.Sections"].ShouldBe("A list has 1 to 10 rows in all.");
        ErrorsOf(List(Rows(null, 0)))["Action.Sections"].ShouldBe("A list has 1 to 10 rows in all.");
    }

    [Fact]
    public void ListSections_SeveralOneUntitled_AskForTitles()
    {
        ErrorsOf(List(Rows(null, 2))).ShouldBeEmpty();

        ErrorsOf(List(Rows("Starters", 2), Rows(null, 2, 2)))["Action.Sections"].ShouldBe("With more than one section, each section needs a title.");
    }

    [Fact]
    public void ListSectionTitle_25Characters_IsTooLong()
    {
        ErrorsOf(List(Rows(Long(24), 1))).ShouldBeEmpty();

        ErrorsOf(List(Rows(Long(25), 1)))["Action.Sections[0].Title"].ShouldBe("A section title can be at most 24 characters.");
    }

    [Fact]
    public void ListRows_OverTheirLimitsOrRepeated_AreRefusedOnThatRow()
    {
        InteractiveObject WithRow(InteractiveRow row) => List(new InteractiveSection("Menu", [new InteractiveRow("first", "First"), row]));

        ErrorsOf(WithRow(new InteractiveRow(Long(200), Long(24), Long(72)))).ShouldBeEmpty();
        ErrorsOf(WithRow(new InteractiveRow(Long(201), "Soup")))["Action.Sections[0].Rows[1].Id"].ShouldBe("A row ID can be at most 200 characters.");
        ErrorsOf(WithRow(new InteractiveRow("soup", Long(25))))["Action.Sections[0].Rows[1].Title"].ShouldBe("A row title can be at most 24 characters; this one has 25.");
        ErrorsOf(WithRow(new InteractiveRow("soup", "Soup", Long(73))))["Action.Sections[0].Rows[1].Description"]
            .ShouldBe("A row description can be at most 72 characters; this one has 73.");
        ErrorsOf(WithRow(new InteractiveRow(" ", "Soup")))["Action.Sections[0].Rows[1].Id"].ShouldBe("Give the row an ID.");
        ErrorsOf(WithRow(new InteractiveRow("soup", "")))["Action.Sections[0].Rows[1].Title"].ShouldBe("Give the row a title.");
        ErrorsOf(WithRow(new InteractiveRow("first", "Soup")))["Action.Sections"].ShouldBe("Each row needs its own ID.");
    }

    [Fact]
    public void CtaUrl_DisplayText21CharactersOrEmpty_IsRefused()
    {
        ErrorsOf(CtaUrl(Long(20), "https://shop.example.com")).ShouldBeEmpty();

        ErrorsOf(CtaUrl(Long(21), "https://shop.example.com"))["Action.Parameters.DisplayText"].ShouldBe("The button's text can be at most 20 characters; it has 21.");
        ErrorsOf(CtaUrl("", "https://shop.example.com"))["Action.Parameters.DisplayText"].ShouldBe("Give the button's text.");
    }

    [Theory]
    [InlineData("http://shop.example.com")]
    [InlineData("shop.example.com")]
    [InlineData("https://")]
    [InlineData("")]
    public void CtaUrl_NotAnHttpsAddress_IsRefused(string url)
    {
        ErrorsOf(CtaUrl("Open", url))["Action.Parameters.Url"].ShouldBe("Give the https:// address the button opens.");
    }

    [Fact]
    public void CtaUrl_WithoutParameters_AsksForTextAndAddress()
    {
        var interactive = CtaUrl("Open", "https://a.example") with { Action = new InteractiveAction { Name = "cta_url" } };

        ErrorsOf(interactive)["Action.Parameters"].ShouldBe("Give the button's text and address.");
    }

    [Fact]
    public void LocationRequest_WithAnotherActionName_IsRefused()
    {
        var interactive = new InteractiveObject(InteractiveTypes.LocationRequest, new InteractiveAction { Name = "location" }, Text("Where?"));

        ErrorsOf(interactive)["Action.Name"].ShouldBe("A location request's action is named send_location.");
    }

    [Fact]
    public void Product_WithoutCatalogOrProduct_SaysWhatIsMissing()
    {
        ErrorsOf(new(InteractiveTypes.Product, new InteractiveAction { ProductRetailerId = "MUG" }))["Action.CatalogId"]
            .ShouldBe("Link a catalog to this channel's WhatsApp Business Account first: products are sent from it.");
        ErrorsOf(new(InteractiveTypes.Product, new InteractiveAction { CatalogId = "771" }))["Action.ProductRetailerId"].ShouldBe("Choose the product.");
    }

    [Fact]
    public void ProductList_ThirtyOneProductsOrNone_AreRefused()
    {
        ErrorsOf(ProductList(Products("Mugs", 16), Products("Shirts", 15, 16)))["Action.Sections"].ShouldBe("Choose 1 to 30 products in all.");
        ErrorsOf(ProductList(Products("Mugs", 0)))["Action.Sections"].ShouldBe("Choose 1 to 30 products in all.");
    }

    [Fact]
    public void ProductList_NoneOrElevenSections_AreRefused()
    {
        ErrorsOf(ProductList())["Action.Sections"].ShouldBe("Give 1 to 10 sections.");
        ErrorsOf(ProductList(Enumerable.Range(0, 11).Select(i => Products($"S{i}", 1, i)).ToArray()))["Action.Sections"].ShouldBe("Give 1 to 10 sections.");
    }

    [Fact]
    public void ProductListSection_UntitledLongOrEmpty_IsRefusedOnThatSection()
    {
        ErrorsOf(ProductList(Products(null, 1)))["Action.Sections[0].Title"].ShouldBe("Give each section a title.");
        ErrorsOf(ProductList(Products(Long(25), 1)))["Action.Sections[0].Title"].ShouldBe("A section title can be at most 24 characters.");
        ErrorsOf(ProductList(Products("Mugs", 1), Products("Shirts", 0)))["Action.Sections[1].ProductItems"].ShouldBe("Choose at least one product for each section.");
    }

    [Fact]
    public void ProductList_WithoutCatalog_AsksToLinkOne()
    {
        var interactive = ProductList(Products("Mugs", 1)) with { Action = new InteractiveAction { Sections = [Products("Mugs", 1)] } };

        ErrorsOf(interactive)["Action.CatalogId"].ShouldBe("Link a catalog to this channel's WhatsApp Business Account first: products are sent from it.");
    }

    [Fact]
    public void Type_Unknown_IsRefused()
    {
        ErrorsOf(new("carousel", new InteractiveAction(), Text("Hi")))["Type"].ShouldStartWith("\"carousel\" is not an interactive type the inbox sends");
    }
}
