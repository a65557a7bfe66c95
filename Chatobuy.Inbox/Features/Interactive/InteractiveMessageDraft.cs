using Chatobuy.Inbox.CloudApi.Messages;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// A saved interactive message as the builder edits it: every type's fields side by side, so switching the type
/// keeps what was written. <see cref="ToInteractive"/> gives Meta's object for the chosen type only.
/// </summary>
public sealed class InteractiveMessageDraft
{
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="InteractiveTypes"/>.</summary>
    public string Type { get; set; } = InteractiveTypes.Button;

    public InteractiveHeaderKind HeaderKind { get; set; } = InteractiveHeaderKind.None;

    public string HeaderText { get; set; } = "";

    /// <summary>A media header by https link instead of a kept file.</summary>
    public string HeaderLink { get; set; } = "";

    /// <summary>A header file chosen in this edit, stored when the message is saved.</summary>
    public InteractiveHeaderFile? HeaderFile { get; set; }

    /// <summary>The header file kept from an earlier save (relative to the media folder), unless replaced or dropped.</summary>
    public string? KeptHeaderPath { get; set; }

    public string? KeptHeaderMimeType { get; set; }

    public string? KeptHeaderFileName { get; set; }

    public string Body { get; set; } = "";

    public string Footer { get; set; } = "";

    public List<InteractiveButtonDraft> Buttons { get; set; } = [new()];

    /// <summary>The label of the button that opens a list.</summary>
    public string ListButton { get; set; } = "";

    public List<InteractiveSectionDraft> Sections { get; set; } = [new() { Rows = [new()] }];

    public List<InteractiveSectionDraft> ProductSections { get; set; } = [new()];

    public string DisplayText { get; set; } = "";

    public string Url { get; set; } = "https://";

    /// <summary>The catalog products are picked from (the channel's account's linked catalog).</summary>
    public string? CatalogId { get; set; }

    public string? ProductRetailerId { get; set; }

    public bool IsMediaHeader => HeaderKind is InteractiveHeaderKind.Image or InteractiveHeaderKind.Video or InteractiveHeaderKind.Document;

    /// <summary>A header file is there to send: chosen now, or kept from before.</summary>
    public bool HasHeaderFile => IsMediaHeader && (HeaderFile is not null || KeptHeaderPath is not null);

    /// <summary>The name of the header file to show: the chosen one, else the kept one.</summary>
    public string? HeaderFileName => HeaderFile?.FileName ?? KeptHeaderFileName;

    /// <summary>Which header kinds the current type offers (reference §3.4).</summary>
    public IReadOnlyList<InteractiveHeaderKind> HeaderKinds => Type switch
    {
        InteractiveTypes.Button => [InteractiveHeaderKind.None, InteractiveHeaderKind.Text, InteractiveHeaderKind.Image, InteractiveHeaderKind.Video, InteractiveHeaderKind.Document],
        InteractiveTypes.List or InteractiveTypes.CtaUrl => [InteractiveHeaderKind.None, InteractiveHeaderKind.Text],
        InteractiveTypes.ProductList => [InteractiveHeaderKind.Text],
        _ => [InteractiveHeaderKind.None],
    };

    /// <summary>The header this type actually gets: the chosen kind when the type offers it, else the first it offers.</summary>
    public InteractiveHeaderKind EffectiveHeaderKind => HeaderKinds.Contains(HeaderKind) ? HeaderKind : HeaderKinds[0];

    /// <summary>Location requests have a body only; the other types may have a footer.</summary>
    public bool HasFooter => Type != InteractiveTypes.LocationRequest;

    /// <summary>Meta's <c>interactive</c> object as it is saved: placeholders still in it, a kept file's header without its id.</summary>
    public InteractiveObject ToInteractive() => new(
        Type,
        Action(),
        Type == InteractiveTypes.Product && string.IsNullOrWhiteSpace(Body) ? null : new InteractiveText(Body),
        Header(),
        HasFooter && !string.IsNullOrWhiteSpace(Footer) ? new InteractiveText(Footer.Trim()) : null);

    /// <summary>
    /// What the validator checks: <see cref="ToInteractive"/> with a stand-in media id where a header file is kept
    /// (the file gets its real id when it is uploaded at send time).
    /// </summary>
    public InteractiveObject ForValidation() => InteractiveLibrary.Checkable(ToInteractive(), HasHeaderFile);

    /// <summary>The draft of a saved message, to edit it.</summary>
    public static InteractiveMessageDraft From(InteractiveMessage message, InteractiveObject interactive)
    {
        var draft = new InteractiveMessageDraft
        {
            Name = message.Name,
            Type = interactive.Type,
            Body = interactive.Body?.Text ?? "",
            Footer = interactive.Footer?.Text ?? "",
            KeptHeaderPath = message.HeaderMediaPath,
            KeptHeaderMimeType = message.HeaderMediaMimeType,
            KeptHeaderFileName = message.HeaderMediaFileName,
            CatalogId = interactive.Action.CatalogId,
            ProductRetailerId = interactive.Action.ProductRetailerId,
        };

        if (interactive.Header is { } header)
        {
            draft.HeaderKind = header.Type switch
            {
                "text" => InteractiveHeaderKind.Text,
                "image" => InteractiveHeaderKind.Image,
                "video" => InteractiveHeaderKind.Video,
                "document" => InteractiveHeaderKind.Document,
                _ => InteractiveHeaderKind.None,
            };
            draft.HeaderText = header.Text ?? "";
            draft.HeaderLink = message.HeaderMediaPath is null ? header.Media?.Link ?? "" : "";
        }

        var action = interactive.Action;
        switch (interactive.Type)
        {
            case InteractiveTypes.Button:
                draft.Buttons = (action.Buttons ?? []).Select(b => new InteractiveButtonDraft { Id = b.Reply.Id, Title = b.Reply.Title }).ToList();
                break;
            case InteractiveTypes.List:
                draft.ListButton = action.Button ?? "";
                draft.Sections = (action.Sections ?? []).Select(s => new InteractiveSectionDraft
                {
                    Title = s.Title ?? "",
                    Rows = (s.Rows ?? []).Select(r => new InteractiveRowDraft { Id = r.Id, Title = r.Title, Description = r.Description ?? "" }).ToList(),
                }).ToList();
                break;
            case InteractiveTypes.ProductList:
                draft.ProductSections = (action.Sections ?? []).Select(s => new InteractiveSectionDraft
                {
                    Title = s.Title ?? "",
                    ProductRetailerIds = (s.ProductItems ?? []).Select(p => p.ProductRetailerId).ToList(),
                }).ToList();
                break;
            case InteractiveTypes.CtaUrl:
                draft.DisplayText = action.Parameters?.DisplayText ?? "";
                draft.Url = action.Parameters?.Url ?? "";
                break;
        }

        return draft;
    }

    /// <summary>A copy to edit, so a cancelled edit leaves the original as it was.</summary>
    public InteractiveMessageDraft Copy() => new()
    {
        Name = Name,
        Type = Type,
        HeaderKind = HeaderKind,
        HeaderText = HeaderText,
        HeaderLink = HeaderLink,
        HeaderFile = HeaderFile,
        KeptHeaderPath = KeptHeaderPath,
        KeptHeaderMimeType = KeptHeaderMimeType,
        KeptHeaderFileName = KeptHeaderFileName,
        Body = Body,
        Footer = Footer,
        Buttons = Buttons.Select(b => new InteractiveButtonDraft { Id = b.Id, Title = b.Title }).ToList(),
        ListButton = ListButton,
        Sections = Sections.Select(s => new InteractiveSectionDraft
        {
            Title = s.Title,
            Rows = s.Rows.Select(r => new InteractiveRowDraft { Id = r.Id, Title = r.Title, Description = r.Description }).ToList(),
        }).ToList(),
        ProductSections = ProductSections.Select(s => new InteractiveSectionDraft { Title = s.Title, ProductRetailerIds = [.. s.ProductRetailerIds] }).ToList(),
        DisplayText = DisplayText,
        Url = Url,
        CatalogId = CatalogId,
        ProductRetailerId = ProductRetailerId,
    };

    private InteractiveHeader? Header()
    {
        var kind = EffectiveHeaderKind;
        if (kind == InteractiveHeaderKind.None)
        {
            return null;
        }

        if (kind == InteractiveHeaderKind.Text)
        {
            return InteractiveHeader.ForText(HeaderText);
        }

        var type = kind.ToString().ToLowerInvariant();
        var fileName = kind == InteractiveHeaderKind.Document ? HeaderFileName ?? LinkFileName() : null;
        var media = HasHeaderFile || string.IsNullOrWhiteSpace(HeaderLink)
            ? new MediaObject(Filename: HasHeaderFile ? fileName : null)
            : new MediaObject(Link: HeaderLink.Trim(), Filename: fileName);
        return InteractiveHeader.ForMedia(type, media);
    }

    private string? LinkFileName() =>
        Uri.TryCreate(HeaderLink.Trim(), UriKind.Absolute, out var uri) && Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } name ? name : null;

    private InteractiveAction Action() => Type switch
    {
        InteractiveTypes.Button => new InteractiveAction
        {
            Buttons = Buttons.Select(b => new InteractiveButton(new InteractiveReply(b.Id, b.Title.Trim()))).ToList(),
        },
        InteractiveTypes.List => new InteractiveAction
        {
            Button = ListButton.Trim(),
            Sections = Sections.Select(s => new InteractiveSection(
                Title: string.IsNullOrWhiteSpace(s.Title) ? null : s.Title.Trim(),
                Rows: s.Rows.Select(r => new InteractiveRow(r.Id, r.Title.Trim(), string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim())).ToList())).ToList(),
        },
        InteractiveTypes.CtaUrl => new InteractiveAction
        {
            Name = "cta_url",
            Parameters = new InteractiveParameters(DisplayText.Trim(), Url.Trim()),
        },
        InteractiveTypes.LocationRequest => new InteractiveAction { Name = "send_location" },
        InteractiveTypes.Product => new InteractiveAction { CatalogId = CatalogId, ProductRetailerId = ProductRetailerId },
        InteractiveTypes.ProductList => new InteractiveAction
        {
            CatalogId = CatalogId,
            Sections = ProductSections.Select(s => new InteractiveSection(
                Title: s.Title.Trim(),
                ProductItems: s.ProductRetailerIds.Select(id => new InteractiveProductItem(id)).ToList())).ToList(),
        },
        _ => new InteractiveAction(),
    };
}
