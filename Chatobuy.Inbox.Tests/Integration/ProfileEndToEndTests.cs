using System.Net;
using System.Net.Http.Json;
using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Profile;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Integration;

/// <summary>
/// The profile editor's service against the Sandbox over real HTTP: load, change every field and the picture (sent in
/// small chunks, one of them cut off mid-way), and the Sandbox holds exactly that; a profile changed at Meta meanwhile
/// is never overwritten.
/// </summary>
public sealed class ProfileEndToEndTests : IAsyncLifetime
{
    private readonly InboxApp _app = new();
    private Channel _channel = default!;

    public async Task InitializeAsync()
    {
        _app.Settings["CloudApi:UploadChunkBytes"] = "1000";
        await _app.InitializeAsync();
        _channel = await SandboxChannel.ConnectAsync(_app, "Store");
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task SaveEveryFieldAndPicture_UploadInterruptedAndResumed_SandboxHoldsTheNewProfile()
    {
        await using var scope = _app.CreateScope();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileService>();
        var uploads = _app.Services.GetRequiredService<SandboxUploads>();
        var load = await profiles.LoadAsync(_channel.Id, CancellationToken.None);
        load.Profile.ShouldNotBeNull(load.Error?.ForUser);
        load.Profile.About.ShouldBe("Plants, pots and garden tools 🌱");
        load.Profile.Vertical.ShouldBe("RETAIL");
        load.Profile.PictureUrl.ShouldBeNull();

        var model = BusinessProfileModel.From(load.Profile);
        model.About = "Open every day from 8 to 8";
        model.Address = "22 Market Square, Springfield";
        model.Description = "Plants, pots and advice.\nDelivery in town.";
        model.Email = "hello@plants.example";
        model.Websites = ["https://plants.example/", "http://plants.example/blog"];
        model.Vertical = "HOTEL";
        var picture = Enumerable.Range(0, 2000).Select(i => (byte)(i * 13 % 256)).ToArray();
        var interruptedBefore = uploads.InterruptedChunks;
        uploads.InterruptNextChunk();

        var saved = await profiles.SaveAsync(_channel.Id, load.Profile, model, new ProfilePicture("shop.png", "image/png", picture), CancellationToken.None);

        saved.Outcome.ShouldBe(ProfileSaveOutcome.Saved, saved.Message);
        uploads.InterruptedChunks.ShouldBe(interruptedBefore + 1);
        var atMeta = await ReadAtSandboxAsync();
        atMeta.About.ShouldBe("Open every day from 8 to 8");
        atMeta.Address.ShouldBe("22 Market Square, Springfield");
        atMeta.Description.ShouldBe("Plants, pots and advice.\nDelivery in town.");
        atMeta.Email.ShouldBe("hello@plants.example");
        atMeta.Websites.ShouldBe(["https://plants.example/", "http://plants.example/blog"]);
        atMeta.Vertical.ShouldBe("HOTEL");
        atMeta.ProfilePictureUrl.ShouldNotBeNull();
        using var anonymous = new HttpClient();
        (await anonymous.GetByteArrayAsync(atMeta.ProfilePictureUrl)).ShouldBe(picture);
        new Uri(saved.Current!.PictureUrl!).AbsolutePath.ShouldBe(new Uri(atMeta.ProfilePictureUrl).AbsolutePath);

        var reloaded = await profiles.LoadAsync(_channel.Id, CancellationToken.None);
        reloaded.ChangedOutside.ShouldBeEmpty();
        reloaded.Profile!.Vertical.ShouldBe("HOTEL");
    }

    [Fact]
    public async Task SaveOnlyTheVertical_OtherFieldsUntouchedAtMeta()
    {
        await using var scope = _app.CreateScope();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileService>();
        var load = await profiles.LoadAsync(_channel.Id, CancellationToken.None);
        var model = BusinessProfileModel.From(load.Profile!);
        model.Vertical = "PROF_SERVICES";

        var saved = await profiles.SaveAsync(_channel.Id, load.Profile!, model, null, CancellationToken.None);

        saved.Outcome.ShouldBe(ProfileSaveOutcome.Saved, saved.Message);
        var atMeta = await ReadAtSandboxAsync();
        atMeta.Vertical.ShouldBe("PROF_SERVICES");
        atMeta.About.ShouldBe(load.Profile!.About);
        atMeta.Websites.ShouldBe(load.Profile.Websites);
    }

    [Fact]
    public async Task ProfileChangedAtMetaAfterLoading_SaveDoesNotOverwriteAndNamesWhatChanged()
    {
        await using var scope = _app.CreateScope();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileService>();
        var load = await profiles.LoadAsync(_channel.Id, CancellationToken.None);
        await EditInMetasToolsAsync(new { about = "Edited in WhatsApp Manager", email = "manager@plants.example" });
        var model = BusinessProfileModel.From(load.Profile!);
        model.About = "Mine, from the inbox";

        var saved = await profiles.SaveAsync(_channel.Id, load.Profile!, model, null, CancellationToken.None);

        saved.Outcome.ShouldBe(ProfileSaveOutcome.ChangedElsewhere);
        saved.ChangedFields.ShouldBe(["About", "Email"]);
        saved.Current!.About.ShouldBe("Edited in WhatsApp Manager");
        var atMeta = await ReadAtSandboxAsync();
        atMeta.About.ShouldBe("Edited in WhatsApp Manager");
        atMeta.Email.ShouldBe("manager@plants.example");
    }

    [Fact]
    public async Task ChangedAtMetaSinceTheLastSaveHere_LoadSaysWhichFields()
    {
        await using var scope = _app.CreateScope();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileService>();
        var load = await profiles.LoadAsync(_channel.Id, CancellationToken.None);
        load.ChangedOutside.ShouldBeEmpty();
        var model = BusinessProfileModel.From(load.Profile!);
        model.Address = "Saved from the inbox";
        (await profiles.SaveAsync(_channel.Id, load.Profile!, model, null, CancellationToken.None)).Outcome.ShouldBe(ProfileSaveOutcome.Saved);

        await EditInMetasToolsAsync(new { address = "Changed in WhatsApp Manager", vertical = "GROCERY" });
        var next = await profiles.LoadAsync(_channel.Id, CancellationToken.None);

        next.ChangedOutside.ShouldBe(["Address", "Business vertical"]);
        next.Profile!.Address.ShouldBe("Changed in WhatsApp Manager");
    }

    private async Task EditInMetasToolsAsync(object change)
    {
        using var client = _app.CreateHttpClient();
        var response = await client.PostAsJsonAsync($"/sandbox/numbers/{_channel.PhoneNumberId}/profile", change);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<BusinessProfileData> ReadAtSandboxAsync()
    {
        await using var scope = _app.CreateScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphClient>();
        var token = _app.Services.GetRequiredService<IConfiguration>()["Sandbox:AccessToken"]!;
        var read = await graph.GetBusinessProfileAsync(new GraphConnection(_app.BaseAddress + "sandbox/graph", "v23.0", token), _channel.PhoneNumberId, CancellationToken.None);
        return read.Value.ShouldNotBeNull(read.Error?.ForUser);
    }
}
