using Bunit;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>What the WhatsApp-style preview shows of each type, as the customer would see it.</summary>
public sealed class InteractivePreviewTests : ComponentTestContext
{
    private static readonly Dictionary<string, ProductCard> Products = new()
    {
        ["MUG-BLUE"] = new("MUG-BLUE", "Blue ceramic mug", "$12.50", "https://cdn.example.com/mug.png"),
        ["TEE-BLACK-M"] = new("TEE-BLACK-M", "Black T-shirt (M)", "$19.00", null),
    };

    private IRenderedComponent<InteractivePreview> Preview(InteractiveObject interactive, string? headerMediaUrl = null, string? headerMediaName = null) =>
        Render<InteractivePreview>(p => p
            .Add(c => c.Interactive, interactive)
            .Add(c => c.Products, Products)
            .Add(c => c.HeaderMediaUrl, headerMediaUrl)
            .Add(c => c.HeaderMediaName, headerMediaName));

    [Fact]
    public void Buttons_HeaderBodyFooterAndRepliesUnderTheBubble()
    {
        var preview = Preview(new InteractiveObject(
            InteractiveTypes.Button,
            new InteractiveAction { Buttons = [new(new("slot-am", "Morning")), new(new("slot-pm", "Evening"))] },
            new InteractiveText("Hi {{contact.name}}, I'm {{agent.name}}. _Pick_ a slot:"),
            InteractiveHeader.ForText("Delivery for {{contact.name}}"),
            new InteractiveText("Reply by 6 pm")));

        preview.Find("[data-testid=preview-header]").TextContent.ShouldBe("Delivery for Maria");
        preview.Find("[data-testid=preview-body]").InnerHtml.ShouldBe("Hi Maria, I'm Alex. <em>Pick</em> a slot:");
        preview.Find("[data-testid=preview-footer]").TextContent.ShouldBe("Reply by 6 pm");
        var replies = preview.FindAll("[data-testid=preview-reply-button]");
        replies.Select(r => r.TextContent.Trim()).ShouldBe(["Morning", "Evening"]);
        replies[0].GetAttribute("title").ShouldBe("Callback ID: slot-am");
    }

    [Fact]
    public void Body_MarkupInTheText_IsShownAsText()
    {
        var preview = Preview(new InteractiveObject(InteractiveTypes.LocationRequest, new InteractiveAction { Name = "send_location" }, new InteractiveText("<b>Where</b>?")));

        preview.Find("[data-testid=preview-body]").TextContent.ShouldBe("<b>Where</b>?");
        preview.Find("[data-testid=preview-location-button]").TextContent.Trim().ShouldBe("Send location");
    }

    [Fact]
    public void ImageHeader_FromTheUrlGiven_ElseTheMessagesLink()
    {
        var interactive = new InteractiveObject(
            InteractiveTypes.Button,
            new InteractiveAction { Buttons = [new(new("a", "Yes"))] },
            new InteractiveText("New in"),
            InteractiveHeader.ForMedia("image", new MediaObject(Link: "https://cdn.example.com/promo.jpg")));

        Preview(interactive).Find("[data-testid=preview-header] img").GetAttribute("src").ShouldBe("https://cdn.example.com/promo.jpg");
        Preview(interactive, "/media/interactive/c1/7").Find("[data-testid=preview-header] img").GetAttribute("src").ShouldBe("/media/interactive/c1/7");
    }

    [Fact]
    public void VideoAndDocumentHeaders_WithoutAFile_ShowTheirName()
    {
        var video = new InteractiveObject(InteractiveTypes.Button, new InteractiveAction { Buttons = [new(new("a", "Yes"))] }, new InteractiveText("Watch"),
            InteractiveHeader.ForMedia("video", new MediaObject(Id: "1")));
        var document = video with { Header = InteractiveHeader.ForMedia("document", new MediaObject(Id: "2", Filename: "menu.pdf")) };

        Preview(video, headerMediaName: "tour.mp4").Find("[data-testid=preview-header]").TextContent.ShouldContain("tour.mp4");
        Preview(document).Find("[data-testid=preview-header]").TextContent.Trim().ShouldBe("menu.pdf");
    }

    [Fact]
    public void List_ButtonOpensTheSectionsWithTheirRows()
    {
        var preview = Preview(new InteractiveObject(
            InteractiveTypes.List,
            new InteractiveAction
            {
                Button = "See dishes",
                Sections =
                [
                    new("Starters", [new("soup", "Tomato soup", "With basil")]),
                    new("Mains", [new("risotto", "Risotto"), new("pasta", "Pasta")]),
                ],
            },
            new InteractiveText("Our menu")));

        preview.FindAll("[data-testid=preview-list]").ShouldBeEmpty();
        preview.Find("[data-testid=preview-list-button]").Click();

        preview.FindAll("[data-testid=preview-section]").Select(s => s.TextContent).ShouldBe(["Starters", "Mains"]);
        preview.FindAll("[data-testid=preview-row]").Select(r => r.TextContent.Trim()).ShouldBe(["Tomato soupWith basil", "Risotto", "Pasta"]);
        preview.Find("[data-testid=preview-row]").GetAttribute("title").ShouldBe("Row ID: soup");

        preview.Find("[data-testid=preview-list-button]").Click();
        preview.FindAll("[data-testid=preview-list]").ShouldBeEmpty();
    }

    [Fact]
    public void CtaUrl_IsALinkWithItsText()
    {
        var preview = Preview(new InteractiveObject(
            InteractiveTypes.CtaUrl,
            new InteractiveAction { Name = "cta_url", Parameters = new("Visit the shop", "https://shop.example.com") },
            new InteractiveText("Autumn is here")));

        var link = preview.Find("[data-testid=preview-url-button]");
        link.TextContent.Trim().ShouldBe("Visit the shop");
        link.GetAttribute("href").ShouldBe("https://shop.example.com");
        link.GetAttribute("target").ShouldBe("_blank");
    }

    [Fact]
    public void CtaUrl_NotAWebAddress_IsNotLinked()
    {
        var preview = Preview(new InteractiveObject(
            InteractiveTypes.CtaUrl,
            new InteractiveAction { Name = "cta_url", Parameters = new("Open", "javascript:alert(1)") },
            new InteractiveText("Hi")));

        preview.Find("[data-testid=preview-url-button]").GetAttribute("href").ShouldBe("#");
    }

    [Fact]
    public void SingleProduct_ShowsImageNameAndPrice()
    {
        var preview = Preview(new InteractiveObject(InteractiveTypes.Product, new InteractiveAction { CatalogId = "771", ProductRetailerId = "MUG-BLUE" }));

        var product = preview.Find("[data-testid=preview-product]");
        product.QuerySelector("img")!.GetAttribute("src").ShouldBe("https://cdn.example.com/mug.png");
        product.QuerySelector("[data-testid=product-name]")!.TextContent.ShouldBe("Blue ceramic mug");
        product.QuerySelector("[data-testid=product-price]")!.TextContent.ShouldBe("$12.50");
    }

    [Fact]
    public void SingleProduct_NotInTheCatalog_ShowsItsRetailerId()
    {
        var preview = Preview(new InteractiveObject(InteractiveTypes.Product, new InteractiveAction { CatalogId = "771", ProductRetailerId = "GONE-1" }));

        preview.Find("[data-testid=preview-product]").TextContent.ShouldContain("GONE-1");
        preview.Find("[data-testid=preview-product]").TextContent.ShouldContain("not found in the catalog");
    }

    [Fact]
    public void MultiProduct_ViewItemsOpensTheSectionsWithProductCards()
    {
        var preview = Preview(new InteractiveObject(
            InteractiveTypes.ProductList,
            new InteractiveAction
            {
                CatalogId = "771",
                Sections = [new("Mugs", ProductItems: [new("MUG-BLUE")]), new("Shirts", ProductItems: [new("TEE-BLACK-M")])],
            },
            new InteractiveText("Tap to browse"),
            InteractiveHeader.ForText("Autumn picks")));

        preview.Find("[data-testid=preview-header]").TextContent.ShouldBe("Autumn picks");
        preview.Find("[data-testid=preview-products-summary]").TextContent.ShouldContain("2 items");
        preview.Find("[data-testid=preview-products-button]").Click();

        preview.FindAll("[data-testid=preview-section]").Select(s => s.TextContent).ShouldBe(["Mugs", "Shirts"]);
        preview.FindAll("[data-testid=preview-product-list] [data-testid=product-name]").Select(n => n.TextContent).ShouldBe(["Blue ceramic mug", "Black T-shirt (M)"]);
        preview.FindAll("[data-testid=preview-product-list] [data-testid=product-price]").Select(n => n.TextContent).ShouldBe(["$12.50", "$19.00"]);
    }
}
