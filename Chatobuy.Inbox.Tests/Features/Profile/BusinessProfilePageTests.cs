using Bunit;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Profile;
using Chatobuy.Inbox.Tests.Features.Channels;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Profile;

/// <summary>The Manage Profile page with the real services over a fake Graph API.</summary>
public sealed class BusinessProfilePageTests : ChannelComponentTestContext
{
    [Fact]
    public async Task Load_ShowsMetasProfileInTheFormAndThePreview()
    {
        var channel = await AddChannelAsync("Plant Shop", "1001", isDefault: true);
        RenderProviders();

        var page = Render<BusinessProfilePage>(p => p.Add(x => x.Id, channel.Id));

        page.WaitForAssertion(() => page.Find("input[data-testid=profile-about]").GetAttribute("value").ShouldBe("Fresh plants daily"));
        page.Find("[data-testid=preview-vertical]").TextContent.ShouldBe("Shopping and Retail");
        page.Find("[data-testid=preview-website]").TextContent.ShouldBe("https://shop.example.com/");
        page.Markup.ShouldContain("18 / 139");
    }

    [Fact]
    public async Task SaveChanges_OnlyAboutChanged_SendsOnlyAbout()
    {
        var channel = await AddChannelAsync("Plant Shop", "1001", isDefault: true);
        var providers = RenderProviders();
        var page = Render<BusinessProfilePage>(p => p.Add(x => x.Id, channel.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=profile-about]"));

        page.Find("input[data-testid=profile-about]").Input("Open on Sundays too");
        page.Find("[data-testid=profile-save]").Click();

        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Profile saved."));
        var update = Graph.ProfileUpdates.ShouldHaveSingleItem();
        update.ShouldBe(new BusinessProfileUpdate(About: "Open on Sundays too"));
    }

    [Fact]
    public async Task SaveChanges_ProfileChangedAtMetaAfterLoading_NothingSentAndReloadShowsTheirs()
    {
        var channel = await AddChannelAsync("Plant Shop", "1001", isDefault: true);
        RenderProviders();
        var page = Render<BusinessProfilePage>(p => p.Add(x => x.Id, channel.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=profile-about]"));
        Graph.Profile = Graph.Profile with { About = "Changed in WhatsApp Manager", Vertical = "GROCERY" };

        page.Find("input[data-testid=profile-about]").Input("Mine");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=conflict-fields]").TextContent.ShouldBe("About, Business vertical"));
        Graph.ProfileUpdates.ShouldBeEmpty();
        page.Find("input[data-testid=profile-about]").GetAttribute("value").ShouldBe("Mine");

        page.Find("[data-testid=conflict-reload]").Click();

        page.WaitForAssertion(() => page.Find("input[data-testid=profile-about]").GetAttribute("value").ShouldBe("Changed in WhatsApp Manager"));
        page.FindAll("[data-testid=profile-conflict]").ShouldBeEmpty();
        page.Find("[data-testid=preview-vertical]").TextContent.ShouldBe("Food and Grocery");
    }

    [Fact]
    public async Task SaveChanges_PictureUploadFails_TextFieldsNotSavedEitherAndTheUserIsTold()
    {
        var channel = await AddChannelAsync("Plant Shop", "1001", isDefault: true);
        RenderProviders();
        var page = Render<BusinessProfilePage>(p => p.Add(x => x.Id, channel.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=profile-about]"));
        Graph.UploadSessionFailure = """{"error":{"message":"(#100) Param file_type must be one of {image/jpeg}","type":"OAuthException","code":100,"fbtrace_id":"Atrace"}}""";

        page.Find("input[data-testid=profile-about]").Input("A new about");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3, 4], "logo.png", contentType: "image/png"));
        page.WaitForAssertion(() => page.Find("[data-testid=picture-chosen]").TextContent.ShouldContain("logo.png"));
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=profile-alert]").TextContent.ShouldContain("The picture could not be uploaded, so nothing was saved (the text fields neither)."));
        page.Find("[data-testid=error-picture]").TextContent.ShouldContain("Meta refused the file upload");
        Graph.ProfileUpdates.ShouldBeEmpty();
        Graph.Calls.ShouldNotContain("profile-update");
    }

    [Fact]
    public async Task ChoosePicture_NotJpegOrPng_RefusedBeforeUpload()
    {
        var channel = await AddChannelAsync("Plant Shop", "1001", isDefault: true);
        RenderProviders();
        var page = Render<BusinessProfilePage>(p => p.Add(x => x.Id, channel.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=profile-about]"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "logo.gif", contentType: "image/gif"));

        page.WaitForAssertion(() => page.Find("[data-testid=error-picture]").TextContent.ShouldBe("This file is not a JPEG or PNG image. Choose a JPEG or PNG image up to 5 MB."));
        page.FindAll("[data-testid=picture-chosen]").ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveChanges_MetaRefusesTheEmail_MessageNextToTheEmailField()
    {
        var channel = await AddChannelAsync("Plant Shop", "1001", isDefault: true);
        RenderProviders();
        var page = Render<BusinessProfilePage>(p => p.Add(x => x.Id, channel.Id));
        page.WaitForAssertion(() => page.Find("input[data-testid=profile-email]"));
        Graph.ProfileUpdateFailure = """{"error":{"message":"(#100) Param email must be a valid email address","type":"OAuthException","code":100,"fbtrace_id":"Atrace"}}""";

        page.Find("input[data-testid=profile-email]").Input("orders@shop.example.com");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => page.Find("input[data-testid=profile-email]").Closest(".mud-input-control")!.TextContent
            .ShouldContain("Meta refused a value of the business profile: (#100) Param email must be a valid email address."));
        page.Find("[data-testid=profile-alert]").TextContent.ShouldBe("WhatsApp refused a field; nothing was saved.");
    }

    [Fact]
    public async Task Load_ChangedOutsideSinceTheLastSaveHere_Notice()
    {
        var channel = await AddChannelAsync("Plant Shop", "1001", isDefault: true);
        var snapshots = Services.GetRequiredService<ProfileSnapshots>();
        await snapshots.WriteAsync(channel.Id, BusinessProfile.From(Graph.Profile with { Email = "old@example.com" }), CancellationToken.None);
        RenderProviders();

        var page = Render<BusinessProfilePage>(p => p.Add(x => x.Id, channel.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=changed-outside]").TextContent.ShouldContain("changed outside Chatobuy.Inbox since the last save here (Email)"));
    }
}
