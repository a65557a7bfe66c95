namespace Chatobuy.Inbox.Features.Api;

public static class ApiPolicies
{
    public const string ApiKey = "ApiKey";
}
