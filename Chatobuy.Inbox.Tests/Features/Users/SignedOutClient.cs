using System.Net;
using Chatobuy.Inbox.Tests.Support;

namespace Chatobuy.Inbox.Tests.Features.Users;

/// <summary>
/// An HTTP client that, like a test should, sees redirects instead of following them and keeps cookies.
/// (InboxApp.CreateHttpClient asks for AllowAutoRedirect = false, but on Kestrel its client still follows redirects.)
/// </summary>
internal static class SignedOutClient
{
    public static HttpClient For(InboxApp app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
        };
}
