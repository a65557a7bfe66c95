namespace Chatobuy.Inbox.Sandbox;

public static class SandboxExtensions
{
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapSandbox(this WebApplication app) => app;
}
