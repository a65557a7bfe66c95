using Bunit;
using Chatobuy.Inbox.Features.Channels;

namespace Chatobuy.Inbox.Tests.Features.Channels;

public sealed class ConnectChannelPageTests : ChannelComponentTestContext
{
    [Fact]
    public void FetchNumbers_EmptyForm_ShowsMessagesNextToFieldsAndCallsNothing()
    {
        RenderProviders();
        var page = Render<ConnectChannelPage>();

        page.Find("[data-testid=fetch-numbers]").Click();

        page.WaitForAssertion(() =>
        {
            page.Markup.ShouldContain("Give the channel a title");
            page.Markup.ShouldContain("Paste the System User Access Token.");
            page.Markup.ShouldContain("Enter the Business Manager ID.");
            page.Markup.ShouldContain("Paste the App Secret");
        });
        Graph.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void FetchNumbers_BusinessIdWithLetters_ExplainsTheFormat()
    {
        RenderProviders();
        var page = Render<ConnectChannelPage>();
        Fill(page, businessId: "my-business");

        page.Find("[data-testid=fetch-numbers]").Click();

        page.WaitForAssertion(() => page.Markup.ShouldContain("The Business Manager ID is a number"));
        Graph.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void FetchNumbers_ValidCredentials_ListsEachAccountWithItsNumbers()
    {
        RenderProviders();
        var page = Render<ConnectChannelPage>();
        Fill(page);

        page.Find("[data-testid=fetch-numbers]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=account]").Count.ShouldBe(2));
        var accounts = page.FindAll("[data-testid=account]");
        accounts[0].TextContent.ShouldContain("Store account");
        accounts[0].TextContent.ShouldContain("+1 555-0101");
        accounts[0].TextContent.ShouldContain("Quality: high");
        accounts[0].TextContent.ShouldContain("+1 555-0102");
        accounts[1].TextContent.ShouldContain("Support account");
        accounts[1].TextContent.ShouldContain("+44 20 5550 0103");
        accounts[1].TextContent.ShouldContain("Quality: low");
    }

    [Fact]
    public async Task FetchNumbers_NumberAlreadyConnected_IsMarkedAndCannotBePicked()
    {
        await AddChannelAsync("Existing line", "1001", isDefault: true);
        RenderProviders();
        var page = Render<ConnectChannelPage>();
        Fill(page);

        page.Find("[data-testid=fetch-numbers]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=number]").Count.ShouldBe(3));
        var numbers = page.FindAll("[data-testid=number]");
        numbers[0].QuerySelector("[data-testid=number-used-by]")!.TextContent.ShouldBe("Used by channel \"Existing line\"");
        numbers[0].QuerySelector("input[type=radio]")!.HasAttribute("disabled").ShouldBeTrue();
        numbers[1].QuerySelector("[data-testid=number-used-by]").ShouldBeNull();
    }

    [Fact]
    public void FetchNumbers_MetaStatusIsLabelledAndNothingIsPickedSilently()
    {
        RenderProviders();
        var page = Render<ConnectChannelPage>();
        Fill(page);

        page.Find("[data-testid=fetch-numbers]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=number]").Count.ShouldBe(3));
        var first = page.FindAll("[data-testid=number]")[0];
        first.QuerySelector("[data-testid=number-meta-status]")!.TextContent.ShouldBe("Meta status: Connected");
        first.QuerySelector("[data-testid=number-verification]")!.TextContent.ShouldBe("Verification: Verified");
        first.TextContent.ShouldNotContain("Used by");
        page.FindAll("[data-testid=number][data-selected=true]").ShouldBeEmpty();
        page.FindAll("[data-testid=number] input[type=radio]").ShouldAllBe(r => !r.HasAttribute("checked"));
        page.Find("[data-testid=pick-a-number]").TextContent.ShouldBe("Pick a phone number to continue.");
        page.Find("[data-testid=finish]").HasAttribute("disabled").ShouldBeTrue();

        page.FindAll("[data-testid=number] input[type=radio]")[1].Click();

        var selected = page.Find("[data-testid=number][data-selected=true]");
        selected.TextContent.ShouldContain("+1 555-0102");
        selected.QuerySelector("[data-testid=number-selected]")!.TextContent.ShouldBe("Selected");
        page.FindAll("[data-testid=pick-a-number]").ShouldBeEmpty();
        page.Find("[data-testid=finish]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task FetchNumbers_InvalidToken_ExplainsAndStoresNothing()
    {
        Graph.FailWithErrorJson = """{"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190,"fbtrace_id":"Abc123"}}""";
        RenderProviders();
        var page = Render<ConnectChannelPage>();
        Fill(page);

        page.Find("[data-testid=fetch-numbers]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=fetch-error]").TextContent.ShouldContain("The access token is invalid or expired."));
        page.Find("[data-testid=fetch-error]").TextContent.ShouldContain("Generate a new System User token");
        page.Find("[data-testid=fetch-error]").TextContent.ShouldContain("Meta error 190");
        (await StoredChannelsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Finish_PickedNumber_SubscribesStoresAndShowsWebhookUrlAndVerifyToken()
    {
        RenderProviders();
        var page = Render<ConnectChannelPage>();
        Fill(page);
        page.Find("[data-testid=fetch-numbers]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=number] input[type=radio]").Count.ShouldBe(3));
        page.FindAll("[data-testid=number] input[type=radio]")[2].Click();

        page.Find("[data-testid=finish]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=connected]").TextContent.ShouldContain("+44 20 5550 0103"));
        var stored = (await StoredChannelsAsync()).ShouldHaveSingleItem();
        stored.Title.ShouldBe("Support line");
        stored.WabaId.ShouldBe("222");
        stored.IsDefault.ShouldBeTrue();
        stored.AccessTokenProtected.ShouldNotContain("EAAtest");
        Graph.Calls.ShouldContain("subscribe:222");
        page.Find("[data-testid=webhook-url]").TextContent.ShouldBe($"http://localhost/webhooks/whatsapp/{stored.Id}");
        page.Find("[data-testid=verify-token]").TextContent.ShouldBe(stored.VerifyToken);
        page.Find("[data-testid=override-set]").TextContent.ShouldContain("Meta was asked to deliver");
        page.Markup.ShouldNotContain("EAAtest");
    }

    private static void Fill(IRenderedComponent<ConnectChannelPage> page, string businessId = "123456789")
    {
        page.Find("input[data-testid=title]").Input("Support line");
        page.Find("input[data-testid=token]").Input("EAAtest0000000000000000000000");
        page.Find("input[data-testid=business-id]").Input(businessId);
        page.Find("input[data-testid=app-secret]").Input("0123456789abcdef0123456789abcdef");
    }
}
