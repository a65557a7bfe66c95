using Microsoft.AspNetCore.Authentication;

namespace Chatobuy.Inbox.Features.Api;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;
