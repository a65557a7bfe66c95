using Bunit;
using Chatobuy.Inbox.Features.Labels;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Labels;

/// <summary>The label chips and the chat header's label menu, as an agent sees and uses them.</summary>
public sealed class LabelComponentsTests : ComponentTestContext
{
    private static readonly LabelTag Refund = new(1, "refund", "#C62828");
    private static readonly LabelTag Vip = new(2, "VIP", "#6A1B9A");
    private static readonly LabelTag Wholesale = new(3, "wholesale", "#2E7D32");

    [Fact]
    public void Chip_ShowsTheNameInItsColour_WithoutRemoveUnlessAsked()
    {
        var chip = Render<LabelChip>(p => p.Add(c => c.Label, Refund));

        chip.Find("[data-testid=label-chip]").TextContent.Trim().ShouldBe("refund");
        chip.Find("[data-testid=label-chip]").GetAttribute("style")!.ShouldContain("#C62828");
        chip.FindAll("[data-testid=label-remove]").ShouldBeEmpty();
    }

    [Fact]
    public void Picker_ChipsOfTheConversation_RemoveReportsTheLabel()
    {
        LabelTag? removed = null;
        var picker = Render<ConversationLabelPicker>(p => p
            .Add(c => c.Labels, [Refund, Vip])
            .Add(c => c.Available, [Refund, Vip, Wholesale])
            .Add(c => c.OnRemove, l => removed = l));

        picker.FindAll("[data-testid=label-chip]").Select(c => c.GetAttribute("data-label")).ShouldBe(["refund", "VIP"]);
        picker.FindAll("[data-testid=label-remove]")[1].Click();

        removed.ShouldBe(Vip);
    }

    [Fact]
    public void Picker_AddMenu_OffersOnlyTheLabelsNotOnTheConversation_AndReportsTheChoice()
    {
        var providers = RenderProviders();
        LabelTag? added = null;
        var picker = Render<ConversationLabelPicker>(p => p
            .Add(c => c.Labels, [Refund])
            .Add(c => c.Available, [Refund, Vip, Wholesale])
            .Add(c => c.OnAdd, l => added = l));

        picker.Find("[data-testid=label-add]").Click();
        var options = providers.WaitForElements("[data-testid=label-option]");
        options.Select(o => o.TextContent.Trim()).ShouldBe(["VIP", "wholesale"]);
        options[1].Click();

        added.ShouldBe(Wholesale);
        providers.FindAll("[data-testid=label-option]").ShouldBeEmpty();
    }

    [Fact]
    public void Picker_NoLabelsDefined_SaysWhoCreatesThem()
    {
        var providers = RenderProviders();
        var picker = Render<ConversationLabelPicker>(p => p.Add(c => c.Labels, []).Add(c => c.Available, []));

        picker.Find("[data-testid=label-add]").Click();

        providers.WaitForElement("[data-testid=label-menu-empty]").TextContent.ShouldBe("No labels yet. An Admin creates them under Settings → Labels.");
    }

    [Theory]
    [InlineData("", "Give the label a name.")]
    [InlineData("refund, urgent", "A label's name cannot contain a comma.")]
    public void Validator_BadName_SaysWhy(string name, string message)
    {
        var result = new LabelValidator().Validate(new LabelModel { Name = name });

        result.Errors.Select(e => e.ErrorMessage).ShouldContain(message);
    }

    [Fact]
    public void Validator_ColourOutsideThePalette_Refused()
    {
        var result = new LabelValidator().Validate(new LabelModel { Name = "refund", Colour = "#123456" });

        result.Errors.Single().ErrorMessage.ShouldBe("Pick one of the colours offered.");
    }
}
