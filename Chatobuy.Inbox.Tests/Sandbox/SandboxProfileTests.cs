using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Features.Profile;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The Sandbox's business profiles through the inbox's Graph client: Meta's checks, codes and messages (reference §6).</summary>
public sealed class SandboxProfileTests(InboxApp app) : SandboxTestBase(app)
{
    [Fact]
    public async Task GetProfile_SeededNumbers_HaveAProfileAndOneHasNoVertical()
    {
        var (graph, scope) = Graph();
        await using var _ = scope;

        var store = await graph.GetBusinessProfileAsync(SandboxConnection(), State.PhoneNumbers[0].Id, CancellationToken.None);
        var support = await graph.GetBusinessProfileAsync(SandboxConnection(), State.PhoneNumbers[2].Id, CancellationToken.None);

        store.Value!.About.ShouldNotBeNullOrEmpty();
        store.Value.Vertical.ShouldBe("RETAIL");
        store.Value.Email.ShouldBe("store@sandbox.example");
        store.Value.MessagingProduct.ShouldBe("whatsapp");
        support.Value!.Vertical.ShouldBe("UNDEFINED");
        BusinessProfile.From(support.Value).Vertical.ShouldBeNull();
    }

    [Theory]
    [InlineData("email", "not-an-email", 100, "Email")]
    [InlineData("about", "", 100, "About")]
    [InlineData("address", null, 100, "Address")]
    [InlineData("vertical", "SHOES", 131009, "Vertical")]
    [InlineData("picture", "4:bm9wZQ==:image/png:forged:e:1:x", 100, "Picture")]
    public async Task UpdateProfile_ValueMetaRefuses_CodeAndTheFieldItConcerns(string field, string? value, int code, string property)
    {
        var (graph, scope) = Graph();
        await using var _ = scope;
        var update = field switch
        {
            "email" => new BusinessProfileUpdate(Email: value),
            "about" => new BusinessProfileUpdate(About: value),
            "address" => new BusinessProfileUpdate(Address: new string('a', 257)),
            "vertical" => new BusinessProfileUpdate(Vertical: value),
            _ => new BusinessProfileUpdate(ProfilePictureHandle: value),
        };

        var result = await graph.UpdateBusinessProfileAsync(SandboxConnection(), State.PhoneNumbers[1].Id, update, CancellationToken.None);

        result.Error.ShouldNotBeNull().Code.ShouldBe(code);
        ProfileService.FieldOf(result.Error).ShouldBe(property, $"{result.Error.MetaMessage} / {result.Error.Details}");
        result.Error.Explanation.ShouldStartWith("Meta refused a value of the business profile");
    }

    [Fact]
    public async Task UpdateProfile_InvalidEmail_MetasMessage()
    {
        var (graph, scope) = Graph();
        await using var _ = scope;

        var result = await graph.UpdateBusinessProfileAsync(SandboxConnection(), State.PhoneNumbers[1].Id, new BusinessProfileUpdate(Email: "nope"), CancellationToken.None);

        result.Error!.MetaMessage.ShouldBe("(#100) Param email must be a valid email address");
    }

    [Fact]
    public async Task UpdateProfile_ThreeWebsitesOrOneNotHttp_RefusedWithTheWebsite()
    {
        var (graph, scope) = Graph();
        await using var _ = scope;
        var phone = State.PhoneNumbers[1].Id;

        var three = await graph.UpdateBusinessProfileAsync(SandboxConnection(), phone, new BusinessProfileUpdate(Websites: ["https://a.example", "https://b.example", "https://c.example"]), CancellationToken.None);
        var ftp = await graph.UpdateBusinessProfileAsync(SandboxConnection(), phone, new BusinessProfileUpdate(Websites: ["https://a.example", "ftp://b.example"]), CancellationToken.None);

        ProfileService.FieldOf(three.Error!).ShouldBe("Websites");
        ProfileService.FieldOf(ftp.Error!).ShouldBe("Websites[1]");
    }

    [Fact]
    public async Task UpdateProfile_OneBadField_NothingChanges()
    {
        var (graph, scope) = Graph();
        await using var _ = scope;
        var phone = State.PhoneNumbers[1].Id;
        var before = (await graph.GetBusinessProfileAsync(SandboxConnection(), phone, CancellationToken.None)).Value!;

        var result = await graph.UpdateBusinessProfileAsync(SandboxConnection(), phone, new BusinessProfileUpdate(About: "A new about", Email: "bad"), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        (await graph.GetBusinessProfileAsync(SandboxConnection(), phone, CancellationToken.None)).Value!.About.ShouldBe(before.About);
    }

    [Fact]
    public async Task GetProfile_UnknownField_Code100()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Options.AccessToken);

        var response = await http.GetAsync($"{App.BaseAddress}sandbox/graph/v23.0/{State.PhoneNumbers[0].Id}/whatsapp_business_profile?fields=about,shoe_size");

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Tried accessing nonexisting field (shoe_size)");
    }

    private (GraphClient Graph, AsyncServiceScope Scope) Graph()
    {
        var scope = App.CreateScope();
        return (scope.ServiceProvider.GetRequiredService<GraphClient>(), scope);
    }
}
