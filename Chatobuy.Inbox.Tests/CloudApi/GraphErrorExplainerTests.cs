using System.Net;
using System.Text;
using Chatobuy.Inbox.CloudApi;
using Refit;

namespace Chatobuy.Inbox.Tests.CloudApi;

public sealed class GraphErrorExplainerTests
{
    [Fact]
    public void Explain_Code190_SaysTheTokenIsInvalidAndHowToGetANewOne()
    {
        var error = GraphErrorExplainer.Explain(190, 463, "OAuthException", "Invalid OAuth access token", "trace", 401, GraphOperation.CheckToken);

        error.Explanation.ShouldContain("token is invalid or expired");
        error.NextStep.ShouldContain("Generate a new System User token");
        error.ForUser.ShouldContain("Meta error 190/463, trace trace");
    }

    [Fact]
    public void ForFailedSend_Code131047_HoldsForAConversationTheCustomerNeverWroteIn()
    {
        var error = GraphErrorExplainer.ForFailedSend(131047).ShouldNotBeNull();

        // Meta answers 131047 whether the customer wrote more than 24 hours ago or never wrote (a business-started conversation).
        error.Explanation.ShouldNotContain("since the customer last wrote");
        error.Explanation.ShouldContain("has never written");
        error.NextStep.ShouldContain("Send an approved template");
    }

    [Fact]
    public void Explain_Code100WhileListingAccounts_SaysBusinessManagerIdNotFound()
    {
        var error = GraphErrorExplainer.Explain(100, 33, "GraphMethodException", "Unsupported get request.", null, 400, GraphOperation.ListAccounts);

        error.Explanation.ShouldContain("Business Manager ID not found");
        error.NextStep.ShouldContain("business_id=");
    }

    [Theory]
    [InlineData(10, GraphOperation.ListAccounts, "business_management")]
    [InlineData(200, GraphOperation.ListPhoneNumbers, "whatsapp_business_management")]
    [InlineData(200, GraphOperation.SubscribeApp, "whatsapp_business_management")]
    public void Explain_PermissionCodes_NameTheMissingPermission(int code, GraphOperation operation, string permission)
    {
        var error = GraphErrorExplainer.Explain(code, null, "OAuthException", "(#200) Permissions error", null, 403, operation);

        error.Explanation.ShouldContain("missing a permission");
        error.Explanation.ShouldContain($"({permission})");
    }

    [Fact]
    public async Task FromApiException_NotGraphJson_IsUnexpectedAnswer()
    {
        var exception = await CreateApiExceptionAsync(HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "text/html");

        var error = GraphClient.FromApiException(exception, GraphOperation.CheckToken);

        error.Code.ShouldBe(GraphErrorExplainer.UnexpectedAnswer);
        error.HttpStatus.ShouldBe(502);
        error.Explanation.ShouldContain("did not understand (HTTP 502)");
    }

    [Fact]
    public async Task FromApiException_MetaEnvelope_ReadsCodeSubcodeTypeMessageAndTrace()
    {
        const string body = """
            {"error":{"message":"Invalid OAuth access token","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AXsgnV2Cm3ZMGF3dF_cfYIn"}}
            """;
        var exception = await CreateApiExceptionAsync(HttpStatusCode.Unauthorized, body, "application/json");

        var error = GraphClient.FromApiException(exception, GraphOperation.ListAccounts);

        error.Code.ShouldBe(190);
        error.Subcode.ShouldBe(463);
        error.Type.ShouldBe("OAuthException");
        error.MetaMessage.ShouldBe("Invalid OAuth access token");
        error.FbTraceId.ShouldBe("AXsgnV2Cm3ZMGF3dF_cfYIn");
        error.HttpStatus.ShouldBe(401);
        error.Explanation.ShouldContain("token");
    }

    private static async Task<ApiException> CreateApiExceptionAsync(HttpStatusCode status, string body, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://graph.facebook.com/v23.0/me");
        using var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
            RequestMessage = request,
        };
        return await ApiException.Create(request, HttpMethod.Get, response, new RefitSettings());
    }
}
