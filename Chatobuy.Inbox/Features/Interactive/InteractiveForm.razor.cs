using Chatobuy.Inbox.CloudApi.Messages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// The interactive-message builder. It edits <see cref="Draft"/> in place and checks it with
/// <see cref="InteractiveMessageDraftValidator"/>: after the first Save every change re-checks, and each message shows
/// under its field. Only a draft without problems is handed to <see cref="OnSubmit"/>.
/// </summary>
public sealed partial class InteractiveForm
{
    /// <summary>The largest header file read (WhatsApp's document limit); the type's own limit is checked on save.</summary>
    private const long MaxHeaderFileBytes = 100L * 1024 * 1024;

    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _showErrors;
    private bool _reading;
    private string? _chosenImageUrl;

    [Inject]
    private InteractiveMessageDraftValidator Validator { get; set; } = default!;

    /// <summary>The message being built; the form edits its properties.</summary>
    [Parameter, EditorRequired]
    public InteractiveMessageDraft Draft { get; set; } = default!;

    /// <summary>The channel's catalog for the product types; null while it is read.</summary>
    [Parameter]
    public ChannelCatalog? Catalog { get; set; }

    /// <summary>Where the saved message's kept header file is served from (editing a message that has one).</summary>
    [Parameter]
    public string? HeaderMediaUrl { get; set; }

    [Parameter]
    public bool IsEdit { get; set; }

    /// <summary>Saving: the buttons wait.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Problems the save found that the form cannot see by itself (a name another admin just took), by field.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? ServerErrors { get; set; }

    /// <summary>Raised with the draft once it passes every rule.</summary>
    [Parameter]
    public EventCallback<InteractiveMessageDraft> OnSubmit { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private const string CatalogHint = "link a catalog to this channel's WhatsApp Business Account first.";

    private bool CatalogLinked => Catalog is { IsLinked: true };

    private IReadOnlyDictionary<string, string> Errors =>
        ServerErrors is { Count: > 0 } server ? server.Concat(_errors.Where(e => !server.ContainsKey(e.Key))).ToDictionary() : _errors;

    private int RowCount => Draft.Sections.Sum(s => s.Rows.Count);

    private int ProductCount => Draft.ProductSections.Sum(s => s.ProductRetailerIds.Count);

    private IReadOnlyCollection<string> SingleSelection => Draft.ProductRetailerId is { } chosen ? [chosen] : [];

    /// <summary>The header file for the preview: an image just chosen, else the kept file, else the link in the message.</summary>
    private string? PreviewMediaUrl => Draft.HeaderFile is not null
        ? _chosenImageUrl
        : Draft.KeptHeaderPath is not null ? HeaderMediaUrl : null;

    protected override void OnParametersSet()
    {
        if (ServerErrors is { Count: > 0 })
        {
            _showErrors = true;
        }
    }

    private static bool IsProductType(string type) => type is InteractiveTypes.Product or InteractiveTypes.ProductList;

    private bool Has(params string[] fields) => (_showErrors || ServerErrors is { Count: > 0 }) && fields.Any(Errors.ContainsKey);

    private string? Of(params string[] fields) =>
        _showErrors || ServerErrors is { Count: > 0 } ? fields.Select(f => Errors.GetValueOrDefault(f)).FirstOrDefault(e => e is not null) : null;

    private void Changed()
    {
        if (_showErrors)
        {
            _errors = Validator.ErrorsOf(Draft);
        }
    }

    private void SetType(string type)
    {
        Draft.Type = type;
        if (IsProductType(type) && Catalog?.CatalogId is { } catalogId)
        {
            Draft.CatalogId = catalogId;
        }

        if (type == InteractiveTypes.ProductList)
        {
            Draft.HeaderKind = InteractiveHeaderKind.Text;
        }

        Changed();
    }

    private void SetHeaderKind(InteractiveHeaderKind kind)
    {
        if (kind != Draft.HeaderKind)
        {
            Draft.HeaderFile = null;
            Draft.KeptHeaderPath = null;
            Draft.KeptHeaderFileName = null;
            Draft.KeptHeaderMimeType = null;
            Draft.HeaderLink = "";
            _chosenImageUrl = null;
        }

        Draft.HeaderKind = kind;
        Changed();
    }

    private void InsertIntoHeader(string placeholder)
    {
        Draft.HeaderText = Append(Draft.HeaderText, placeholder);
        Changed();
    }

    private void InsertIntoBody(string placeholder)
    {
        Draft.Body = Append(Draft.Body, placeholder);
        Changed();
    }

    private static string Append(string text, string placeholder) =>
        text.Length == 0 || char.IsWhiteSpace(text[^1]) ? text + placeholder : text + " " + placeholder;

    private async Task ChooseHeaderFileAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        _reading = true;
        try
        {
            if (file.Size > MaxHeaderFileBytes)
            {
                _errors = new Dictionary<string, string>(_errors) { ["Header.Media"] = "The file is larger than 100 MB; WhatsApp accepts images up to 5 MB, videos up to 16 MB and documents up to 100 MB." };
                _showErrors = true;
                return;
            }

            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(MaxHeaderFileBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            UseHeaderFile(new InteractiveHeaderFile(file.Name, string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray()));
        }
        finally
        {
            _reading = false;
        }
    }

    /// <summary>Takes a chosen header file; an image is previewed from memory until it is saved.</summary>
    internal void UseHeaderFile(InteractiveHeaderFile file)
    {
        Draft.HeaderFile = file;
        Draft.HeaderLink = "";
        _chosenImageUrl = Draft.HeaderKind == InteractiveHeaderKind.Image && file.MimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && file.Content.Length <= 5 * 1024 * 1024
            ? $"data:{file.MimeType};base64,{Convert.ToBase64String(file.Content)}"
            : null;
        Changed();
        StateHasChanged();
    }

    private void RemoveHeaderFile()
    {
        Draft.HeaderFile = null;
        Draft.KeptHeaderPath = null;
        Draft.KeptHeaderFileName = null;
        Draft.KeptHeaderMimeType = null;
        _chosenImageUrl = null;
        Changed();
    }

    private void AddButton()
    {
        if (Draft.Buttons.Count < InteractiveObjectValidator.MaxButtons)
        {
            Draft.Buttons.Add(new InteractiveButtonDraft());
            Changed();
        }
    }

    private void RemoveButton(int index)
    {
        Draft.Buttons.RemoveAt(index);
        Changed();
    }

    private void AddSection()
    {
        Draft.Sections.Add(new InteractiveSectionDraft { Rows = [new()] });
        Changed();
    }

    private void RemoveSection(int index)
    {
        Draft.Sections.RemoveAt(index);
        Changed();
    }

    private void AddRow(InteractiveSectionDraft section)
    {
        if (RowCount < InteractiveObjectValidator.MaxRows)
        {
            section.Rows.Add(new InteractiveRowDraft());
            Changed();
        }
    }

    private void RemoveRow(InteractiveSectionDraft section, int index)
    {
        section.Rows.RemoveAt(index);
        Changed();
    }

    private void ToggleSingle(string retailerId)
    {
        Draft.ProductRetailerId = Draft.ProductRetailerId == retailerId ? null : retailerId;
        Draft.CatalogId = Catalog?.CatalogId ?? Draft.CatalogId;
        Changed();
    }

    private void AddProductSection()
    {
        Draft.ProductSections.Add(new InteractiveSectionDraft());
        Changed();
    }

    private void RemoveProductSection(int index)
    {
        Draft.ProductSections.RemoveAt(index);
        Changed();
    }

    private void ToggleInSection(InteractiveSectionDraft section, string retailerId)
    {
        if (!section.ProductRetailerIds.Remove(retailerId) && ProductCount < InteractiveObjectValidator.MaxProducts)
        {
            section.ProductRetailerIds.Add(retailerId);
        }

        Draft.CatalogId = Catalog?.CatalogId ?? Draft.CatalogId;
        Changed();
    }

    private async Task SubmitAsync()
    {
        _showErrors = true;
        _errors = Validator.ErrorsOf(Draft);
        if (_errors.Count == 0)
        {
            await OnSubmit.InvokeAsync(Draft);
        }
    }

    private static string AcceptFor(InteractiveHeaderKind kind) => kind switch
    {
        InteractiveHeaderKind.Image => ".jpg,.jpeg,.png",
        InteractiveHeaderKind.Video => ".mp4,.3gp",
        _ => ".pdf,.txt,.doc,.docx,.xls,.xlsx,.ppt,.pptx",
    };

    private static string AcceptHint(InteractiveHeaderKind kind) => kind switch
    {
        InteractiveHeaderKind.Image => "A JPEG or PNG image, up to 5 MB.",
        InteractiveHeaderKind.Video => "An MP4 or 3GPP video, up to 16 MB.",
        _ => "A PDF, text, Word, Excel or PowerPoint file, up to 100 MB.",
    };
}
