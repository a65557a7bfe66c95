using Bunit;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

public sealed class InteractivePickerTests : ComponentTestContext
{
    private static readonly InteractiveChoice Slots = new(
        1,
        "Delivery slots",
        InteractiveTypes.Button,
        new InteractiveObject(
            InteractiveTypes.Button,
            new InteractiveAction { Buttons = [new InteractiveButton(new InteractiveReply("slot-am", "Morning")), new InteractiveButton(new InteractiveReply("slot-pm", "Afternoon"))] },
            new InteractiveText("Hi Maria, pick a delivery slot")),
        DateTimeOffset.UtcNow);

    private static readonly InteractiveChoice Menu = new(
        2,
        "Menu",
        InteractiveTypes.List,
        new InteractiveObject(
            InteractiveTypes.List,
            new InteractiveAction { Button = "See the menu", Sections = [new InteractiveSection(Rows: [new InteractiveRow("soup", "Soup of the day")])] },
            new InteractiveText("What would you like today?")),
        DateTimeOffset.UtcNow);

    private static readonly InteractiveChoice Track = new(
        3,
        "Track order",
        InteractiveTypes.CtaUrl,
        new InteractiveObject(
            InteractiveTypes.CtaUrl,
            new InteractiveAction { Name = "cta_url", Parameters = new InteractiveParameters("Track", "https://shop.example/track") },
            new InteractiveText("Your parcel is on its way")),
        DateTimeOffset.UtcNow);

    [Fact]
    public void Picker_ListsNameTypeAndPreview_SearchNarrowsByNameTypeOrText()
    {
        var picker = Render<InteractivePicker>(p => p.Add(c => c.Choices, [Slots, Menu, Track]));

        var options = picker.FindAll("[data-testid=interactive-option]");
        options.Select(o => o.GetAttribute("data-name")).ShouldBe(["Delivery slots", "Menu", "Track order"]);
        var first = options[0];
        first.QuerySelector("[data-testid=interactive-type]")!.TextContent.ShouldBe("Buttons");
        first.QuerySelector("[data-testid=interactive-preview]")!.TextContent.ShouldContain("Hi Maria, pick a delivery slot");

        picker.Find("input[data-testid=interactive-search]").Input("parcel");
        picker.Find("[data-testid=interactive-option]").GetAttribute("data-name").ShouldBe("Track order");
        picker.Find("input[data-testid=interactive-search]").Input("list");
        picker.Find("[data-testid=interactive-option]").GetAttribute("data-name").ShouldBe("Menu");
        picker.Find("input[data-testid=interactive-search]").Input("slots");
        picker.Find("[data-testid=interactive-option]").GetAttribute("data-name").ShouldBe("Delivery slots");
        picker.Find("input[data-testid=interactive-search]").Input("nothing like this");
        picker.FindAll("[data-testid=interactive-option]").ShouldBeEmpty();
        picker.Find("[data-testid=interactive-no-match]").TextContent.ShouldContain("No interactive message matches");
    }

    [Fact]
    public void Picker_Send_HandsOverTheChosenMessage()
    {
        InteractiveChoice? sent = null;
        var picker = Render<InteractivePicker>(p => p.Add(c => c.Choices, [Slots, Menu]).Add(c => c.OnSend, c => sent = c));

        picker.FindAll("[data-testid=interactive-send]")[1].Click();

        sent.ShouldBe(Menu);
    }

    [Fact]
    public void Picker_Refused_ShowsWhy()
    {
        var picker = Render<InteractivePicker>(p => p.Add(c => c.Choices, [Slots]).Add(c => c.Error, "More than 24 hours have passed since the customer last wrote."));

        picker.Find("[data-testid=interactive-send-error]").TextContent.ShouldContain("More than 24 hours");
    }

    [Fact]
    public void Picker_NoneSaved_SaysWhereAdminsBuildThem()
    {
        var picker = Render<InteractivePicker>(p => p.Add(c => c.Choices, []));

        picker.Find("[data-testid=no-interactive]").TextContent.ShouldContain("no saved interactive messages");
        picker.FindAll("[data-testid=interactive-search]").ShouldBeEmpty();
    }
}
