using Bunit;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Profile;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Profile;

public sealed class ProfileEditorTests : ComponentTestContext
{
    [Fact]
    public void TypingAbout_PreviewShowsItAndTheCounterCounts()
    {
        RenderProviders();
        var editor = RenderEditor(Model());

        editor.Find("input[data-testid=profile-about]").Input("Open every day 🌿");

        editor.WaitForAssertion(() => editor.Find("[data-testid=preview-about]").TextContent.ShouldBe("Open every day 🌿"));
        editor.Markup.ShouldContain($"{"Open every day 🌿".Length} / 139");
    }

    [Fact]
    public void EditingEveryField_PreviewFollows()
    {
        RenderProviders();
        var editor = RenderEditor(Model());

        editor.Find("textarea[data-testid=profile-description]").Input("Plants, pots and advice.");
        editor.Find("input[data-testid=profile-address]").Input("9 New Street");
        editor.Find("input[data-testid=profile-email]").Input("hello@plants.example");
        editor.Find("input[data-testid=profile-website-0]").Input("https://plants.example/");

        editor.WaitForAssertion(() => editor.Find("[data-testid=preview-description]").TextContent.ShouldBe("Plants, pots and advice."));
        editor.Find("[data-testid=preview-address]").TextContent.ShouldBe("9 New Street");
        editor.Find("[data-testid=preview-email]").TextContent.ShouldBe("hello@plants.example");
        editor.FindAll("[data-testid=preview-website]").Select(w => w.TextContent).ShouldBe(["https://plants.example/"]);
        editor.Find("[data-testid=preview-name]").TextContent.ShouldBe("Plant Shop");
    }

    [Fact]
    public void AboutTooLong_MessageNextToTheField()
    {
        RenderProviders();
        var editor = RenderEditor(Model());

        editor.Find("input[data-testid=profile-about]").Input(new string('x', 140));

        editor.WaitForAssertion(() => editor.Markup.ShouldContain("About may have at most 139 characters."));
        editor.Markup.ShouldContain("140 / 139");
    }

    [Fact]
    public void UnsetVertical_ShownAsNotSet()
    {
        RenderProviders();
        var model = Model();
        model.Vertical = null;

        var editor = RenderEditor(model);

        editor.Find("[data-testid=preview-vertical]").TextContent.ShouldBe("Not set");
        editor.Markup.ShouldContain("Not set yet: choose the one that fits your business.");
    }

    [Fact]
    public void Vertical_ShownByItsReadableName()
    {
        RenderProviders();
        var model = Model();
        model.Vertical = "PROF_SERVICES";

        var editor = RenderEditor(model);

        editor.Find("[data-testid=preview-vertical]").TextContent.ShouldBe("Professional Services");
    }

    [Fact]
    public void AddWebsite_UpToTwo_ThenTheButtonGoes()
    {
        RenderProviders();
        var editor = RenderEditor(Model());

        editor.Find("[data-testid=add-website]").Click();
        editor.Find("input[data-testid=profile-website-1]").Input("https://second.example/");

        editor.WaitForAssertion(() => editor.FindAll("[data-testid=preview-website]").Count.ShouldBe(2));
        editor.FindAll("[data-testid=add-website]").ShouldBeEmpty();
    }

    [Fact]
    public void WebsiteWithoutScheme_MessageNextToIt()
    {
        RenderProviders();
        var editor = RenderEditor(Model());

        editor.Find("input[data-testid=profile-website-0]").Input("plants.example");

        editor.WaitForAssertion(() => editor.Markup.ShouldContain("Enter a full address starting with http:// or https://."));
    }

    [Fact]
    public void MetasRefusal_ShownNextToTheFieldItNames()
    {
        RenderProviders();
        var errors = new Dictionary<string, string> { ["Email"] = "Meta refused a value of the business profile: Param email must be a valid email address." };

        var editor = Render<ProfileEditor>(p => p
            .Add(e => e.Model, Model())
            .Add(e => e.VerifiedName, "Plant Shop")
            .Add(e => e.ServerErrors, errors));

        var emailField = editor.Find("input[data-testid=profile-email]").Closest(".mud-input-control")!;
        emailField.TextContent.ShouldContain("Param email must be a valid email address");
    }

    [Fact]
    public void ReadOnlyCard_ForAnAgent_ShowsTheProfileWithoutAWayToEdit()
    {
        RenderProviders();
        var profile = new BusinessProfile("We answer within the hour", "1 Garden Way", "", "shop@example.com", ["https://shop.example.com/"], null, null);

        var card = Render<ProfileCard>(p => p
            .Add(c => c.ChannelId, "abc")
            .Add(c => c.VerifiedName, "Plant Shop")
            .Add(c => c.Load, new ProfileLoad(new ProfileChannel("abc", "Shop", "+1 555", "Plant Shop"), profile, null, []))
            .Add(c => c.CanEdit, false));

        card.Find("[data-testid=preview-about]").TextContent.ShouldBe("We answer within the hour");
        card.Find("[data-testid=preview-vertical]").TextContent.ShouldBe("Not set");
        card.Find("[data-testid=profile-read-only]").TextContent.ShouldBe("Only admins can change the profile.");
        card.FindAll("[data-testid=profile-manage]").ShouldBeEmpty();
        card.FindAll("input").ShouldBeEmpty();
    }

    [Fact]
    public void Card_ForAnAdmin_LinksToTheEditor()
    {
        RenderProviders();
        var profile = new BusinessProfile("Hi", "", "", "", [], "RETAIL", null);

        var card = Render<ProfileCard>(p => p
            .Add(c => c.ChannelId, "abc")
            .Add(c => c.VerifiedName, "Plant Shop")
            .Add(c => c.Load, new ProfileLoad(new ProfileChannel("abc", "Shop", "+1 555", "Plant Shop"), profile, null, []))
            .Add(c => c.CanEdit, true));

        card.Find("a[data-testid=profile-manage]").GetAttribute("href").ShouldBe("/channels/abc/profile");
        card.FindAll("[data-testid=profile-read-only]").ShouldBeEmpty();
    }

    [Fact]
    public void Card_ProfileUnreadable_SaysWhy()
    {
        RenderProviders();
        var error = GraphErrorExplainer.Explain(190, 463, "OAuthException", "Invalid OAuth access token", "trace", 401, GraphOperation.GetBusinessProfile);

        var card = Render<ProfileCard>(p => p
            .Add(c => c.ChannelId, "abc")
            .Add(c => c.VerifiedName, "Plant Shop")
            .Add(c => c.Load, new ProfileLoad(new ProfileChannel("abc", "Shop", "+1 555", "Plant Shop"), null, error, [])));

        card.Find("[data-testid=profile-load-error]").TextContent.ShouldContain("The access token is invalid or expired.");
    }

    [Fact]
    public void ChoosePicture_ShowsTheChosenFileOnceWithOneWayToDropIt()
    {
        RenderProviders();
        var editor = RenderEditor(Model());

        editor.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3, 4], "shop-logo.png", contentType: "image/png"));

        editor.WaitForAssertion(() => editor.Find("[data-testid=picture-chosen]").TextContent.ShouldContain("shop-logo.png"));
        System.Text.RegularExpressions.Regex.Count(editor.Markup, "shop-logo.png").ShouldBe(1);
        editor.FindAll("button[aria-label='Keep the current picture']").Count.ShouldBe(1);
        editor.FindAll(".mud-chip").ShouldBeEmpty();

        editor.Find("button[aria-label='Keep the current picture']").Click();

        editor.FindAll("[data-testid=picture-chosen]").ShouldBeEmpty();
        editor.Markup.ShouldNotContain("shop-logo.png");
    }

    private IRenderedComponent<ProfileEditor> RenderEditor(BusinessProfileModel model) =>
        Render<ProfileEditor>(p => p
            .Add(e => e.Model, model)
            .Add(e => e.VerifiedName, "Plant Shop")
            .Add(e => e.DisplayPhoneNumber, "+1 555-0100"));

    private static BusinessProfileModel Model() => ProfileSamples.Valid();
}
