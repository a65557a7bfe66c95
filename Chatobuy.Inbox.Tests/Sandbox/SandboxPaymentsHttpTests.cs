using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The Sandbox's payment emulator over HTTP, as Stripe and Yedpay answer (commerce reference §8.1–8.2).</summary>
public sealed class SandboxPaymentsHttpTests(InboxApp app) : IClassFixture<InboxApp>
{
    private readonly InboxApp _app = app;

    private string Setting(string key) => _app.Services.GetRequiredService<IConfiguration>()[$"Sandbox:Payments:{key}"]!;

    private static FormUrlEncodedContent Session(string name = "Silk scarf") => new(new Dictionary<string, string>
    {
        ["mode"] = "payment",
        ["line_items[0][price_data][currency]"] = "hkd",
        ["line_items[0][price_data][unit_amount]"] = "12050",
        ["line_items[0][price_data][product_data][name]"] = name,
        ["line_items[0][quantity]"] = "2",
        ["success_url"] = "https://shop.example/paid?s={CHECKOUT_SESSION_ID}",
        ["metadata[order_id]"] = "1",
    });

    private HttpClient Stripe(string? key)
    {
        var client = _app.CreateHttpClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Stripe_NoKeyOrAnotherKey_401WithStripesErrorEnvelope()
    {
        using var none = Stripe(null);
        var missing = await none.GetAsync("/sandbox/stripe/v1/balance");
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await JsonAsync(missing))["error"]!["type"]!.GetValue<string>().ShouldBe("invalid_request_error");

        using var other = Stripe("sk_test_someoneElse0000000000001234");
        var wrong = await other.PostAsync("/sandbox/stripe/v1/checkout/sessions", Session());
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await JsonAsync(wrong))["error"]!["message"]!.GetValue<string>().ShouldStartWith("Invalid API Key provided: sk_test_");
    }

    [Fact]
    public async Task Stripe_CreateThenRead_OpenSessionWithTotalMetadataAndPageUrl()
    {
        using var client = Stripe(Setting("StripeSecretKey"));

        var created = await JsonAsync(await client.PostAsync("/sandbox/stripe/v1/checkout/sessions", Session()));

        created["object"]!.GetValue<string>().ShouldBe("checkout.session");
        created["status"]!.GetValue<string>().ShouldBe("open");
        created["payment_status"]!.GetValue<string>().ShouldBe("unpaid");
        created["amount_total"]!.GetValue<long>().ShouldBe(24100);
        created["metadata"]!["order_id"]!.GetValue<string>().ShouldBe("1");
        var id = created["id"]!.GetValue<string>();
        id.ShouldStartWith("cs_test_");
        created["url"]!.GetValue<string>().ShouldEndWith($"/sandbox/pay/{id}");
        var read = await JsonAsync(await client.GetAsync($"/sandbox/stripe/v1/checkout/sessions/{id}"));
        read["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task Stripe_SameIdempotencyKey_ReplaysOrRefusesADifferentBody()
    {
        using var client = Stripe(Setting("StripeSecretKey"));
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await JsonAsync(await client.PostAsync("/sandbox/stripe/v1/checkout/sessions", Session()));
        var again = await JsonAsync(await client.PostAsync("/sandbox/stripe/v1/checkout/sessions", Session()));
        var different = await client.PostAsync("/sandbox/stripe/v1/checkout/sessions", Session("Wool hat"));

        again["id"]!.GetValue<string>().ShouldBe(first["id"]!.GetValue<string>());
        different.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(different))["error"]!["type"]!.GetValue<string>().ShouldBe("idempotency_error");
    }

    [Fact]
    public async Task Stripe_BadRequests_400NamingTheParam_AndUnknownSession404()
    {
        using var client = Stripe(Setting("StripeSecretKey"));

        var noLines = await client.PostAsync("/sandbox/stripe/v1/checkout/sessions", new FormUrlEncodedContent(new Dictionary<string, string> { ["mode"] = "payment", ["success_url"] = "https://x.example" }));
        noLines.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(noLines))["error"]!["param"]!.GetValue<string>().ShouldBe("line_items");

        var tooSoon = await client.PostAsync("/sandbox/stripe/v1/checkout/sessions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["mode"] = "payment",
            ["line_items[0][price_data][currency]"] = "HKD",
            ["line_items[0][price_data][unit_amount]"] = "100",
            ["line_items[0][price_data][product_data][name]"] = "Pin",
            ["line_items[0][quantity]"] = "1",
            ["success_url"] = "https://x.example",
        }));
        (await JsonAsync(tooSoon))["error"]!["param"]!.GetValue<string>().ShouldBe("line_items[0][price_data][currency]");

        var missing = await client.GetAsync("/sandbox/stripe/v1/checkout/sessions/cs_test_nope");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonAsync(missing))["error"]!["code"]!.GetValue<string>().ShouldBe("resource_missing");
    }

    [Fact]
    public async Task Stripe_ExpireThroughTheApi_ExpiredWithoutUrl_AndOnlyOnce()
    {
        using var client = Stripe(Setting("StripeSecretKey"));
        var id = (await JsonAsync(await client.PostAsync("/sandbox/stripe/v1/checkout/sessions", Session())))["id"]!.GetValue<string>();

        var expired = await JsonAsync(await client.PostAsync($"/sandbox/stripe/v1/checkout/sessions/{id}/expire", null));

        expired["status"]!.GetValue<string>().ShouldBe("expired");
        expired["url"].ShouldBeNull();
        (await client.PostAsync($"/sandbox/stripe/v1/checkout/sessions/{id}/expire", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Yedpay_WrongKey401_DuplicateCustomId422_QueryFindsTheTransaction()
    {
        FormUrlEncodedContent Payment() => new(new Dictionary<string, string>
        {
            ["currency"] = "HKD",
            ["amount"] = "120.50",
            ["custom_id"] = "o1-1767225600",
            ["notify_url"] = "https://shop.example/notify",
        });
        using var wrong = _app.CreateHttpClient();
        wrong.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "API-KEY nope");
        var refused = await wrong.PostAsync("/sandbox/yedpay/v1/online-payment", Payment());
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await JsonAsync(refused))["message"]!.GetValue<string>().ShouldBe("Unauthenticated.");

        using var client = _app.CreateHttpClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "API-KEY " + Setting("YedpayApiKey"));
        var created = await JsonAsync(await client.PostAsync("/sandbox/yedpay/v1/online-payment", Payment()));
        created["success"]!.GetValue<bool>().ShouldBeTrue();
        created["data"]!["checkout_url"]!.GetValue<string>().ShouldContain("/sandbox/pay/");

        var duplicate = await client.PostAsync("/sandbox/yedpay/v1/online-payment", Payment());
        duplicate.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(duplicate))["errors"]!["custom_id"].ShouldNotBeNull();

        var query = await JsonAsync(await client.GetAsync("/sandbox/yedpay/v1/online-payment/query?custom_id=o1-1767225600"));
        query["data"]!["status"]!.GetValue<string>().ShouldBe("pending");
        query["data"]!["amount"]!.GetValue<string>().ShouldBe("120.50");
    }
}
