using Chatobuy.Inbox.Features.Users;

namespace Chatobuy.Inbox.Tests.Features.Users;

public sealed class NewUserValidatorTests
{
    private readonly NewUserValidator _validator = new();

    private static NewUserModel Valid() => new()
    {
        DisplayName = "Ana Agent",
        Email = "ana@example.com",
        Role = Roles.Agent,
        Password = "long-enough-1",
    };

    [Fact]
    public void Validate_CompleteModel_HasNoMessages()
    {
        _validator.Validate(Valid()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_EmptyName_AsksForTheName()
    {
        var model = Valid();
        model.DisplayName = " ";

        MessagesFor(model, nameof(NewUserModel.DisplayName)).ShouldBe(["Enter the user's name."]);
    }

    [Fact]
    public void Validate_NameOver100Characters_AsksForAShorterName()
    {
        var model = Valid();
        model.DisplayName = new string('a', 101);

        MessagesFor(model, nameof(NewUserModel.DisplayName)).ShouldBe(["Keep the name under 100 characters."]);
    }

    [Theory]
    [InlineData("", "Enter the user's email.")]
    [InlineData("not-an-email", "Enter a valid email address.")]
    public void Validate_BadEmail_SaysWhatIsWrong(string email, string message)
    {
        var model = Valid();
        model.Email = email;

        MessagesFor(model, nameof(NewUserModel.Email)).ShouldBe([message]);
    }

    [Fact]
    public void Validate_ShortPassword_AsksForEightCharacters()
    {
        var model = Valid();
        model.Password = "short";

        MessagesFor(model, nameof(NewUserModel.Password)).ShouldBe(["Use at least 8 characters."]);
    }

    [Fact]
    public void Validate_UnknownRole_AsksForAdminOrAgent()
    {
        var model = Valid();
        model.Role = "Owner";

        MessagesFor(model, nameof(NewUserModel.Role)).ShouldBe(["Choose Admin or Agent."]);
    }

    [Fact]
    public async Task ValidateValue_OneField_ReturnsOnlyThatFieldsMessages()
    {
        var model = new NewUserModel { Email = "nope" };

        var messages = await _validator.ValidateValue(model, nameof(NewUserModel.Email));

        messages.ShouldBe(["Enter a valid email address."]);
    }

    private List<string> MessagesFor(NewUserModel model, string property) =>
        _validator.Validate(model).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();
}
