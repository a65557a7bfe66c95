using MudBlazor;

namespace Chatobuy.Inbox.Components.Layout;

/// <summary>
/// The app's colours. Rendered once per page load by <c>App.razor</c>, outside the interactive part, so that no open
/// tab keeps its own copy of the theme's style sheet (about 60 KB each).
/// </summary>
public static class InboxTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#128C7E",
            Secondary = "#25D366",
            AppbarBackground = "#075E54",
        },
    };
}
