using Chatobuy.Inbox.Features.Profile;

namespace Chatobuy.Inbox.Tests.Features.Profile;

public sealed class BusinessProfileValidatorTests
{
    private readonly BusinessProfileValidator _validator = new();

    [Fact]
    public void Validate_TypicalProfile_IsValid()
    {
        _validator.Validate(Valid()).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(139, true)]
    [InlineData(140, false)]
    [InlineData(0, false)]
    public void About_Length_OneTo139(int length, bool valid)
    {
        var model = Valid();
        model.About = new string('a', length);

        AssertOnly(model, nameof(BusinessProfileModel.About), valid);
    }

    [Fact]
    public void About_OnlySpaces_IsRefused()
    {
        var model = Valid();
        model.About = "   ";

        AssertOnly(model, nameof(BusinessProfileModel.About), valid: false);
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void Address_Length_AtMost256(int length, bool valid)
    {
        var model = Valid();
        model.Address = new string('a', length);

        AssertOnly(model, nameof(BusinessProfileModel.Address), valid);
    }

    [Theory]
    [InlineData(512, true)]
    [InlineData(513, false)]
    public void Description_Length_AtMost512(int length, bool valid)
    {
        var model = Valid();
        model.Description = new string('a', length);

        AssertOnly(model, nameof(BusinessProfileModel.Description), valid);
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Email_Length_AtMost128(int length, bool valid)
    {
        var model = Valid();
        var domain = "@example.com";
        model.Email = new string('a', length - domain.Length) + domain;

        AssertOnly(model, nameof(BusinessProfileModel.Email), valid);
    }

    [Theory]
    [InlineData("shop@example.com", true)]
    [InlineData("", true)]
    [InlineData("shop@example", false)]
    [InlineData("not-an-email", false)]
    [InlineData("two@@example.com", false)]
    public void Email_Format_MustBeAnAddressOrEmpty(string email, bool valid)
    {
        var model = Valid();
        model.Email = email;

        AssertOnly(model, nameof(BusinessProfileModel.Email), valid);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Websites_Count_AtMostTwo(int count, bool valid)
    {
        var model = Valid();
        model.Websites = Enumerable.Range(1, count).Select(i => $"https://site{i}.example.com/").ToList();

        AssertOnly(model, nameof(BusinessProfileModel.Websites), valid);
    }

    [Theory]
    [InlineData("https://shop.example.com/", true)]
    [InlineData("http://shop.example.com", true)]
    [InlineData("shop.example.com", false)]
    [InlineData("ftp://shop.example.com", false)]
    [InlineData("", false)]
    public void Website_Address_MustBeHttpOrHttps(string website, bool valid)
    {
        var model = Valid();
        model.Websites = ["https://ok.example.com/", website];

        AssertOnly(model, "Websites[1]", valid);
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void Website_Length_AtMost256(int length, bool valid)
    {
        var model = Valid();
        var start = "https://example.com/";
        model.Websites = [start + new string('a', length - start.Length)];

        AssertOnly(model, "Websites[0]", valid);
    }

    [Theory]
    [InlineData("RETAIL", true)]
    [InlineData("OTC_DRUGS", true)]
    [InlineData(null, true)]
    [InlineData("UNDEFINED", false)]
    [InlineData("SHOES", false)]
    public void Vertical_MustBeFromMetasList(string? vertical, bool valid)
    {
        var model = Valid();
        model.Vertical = vertical;

        AssertOnly(model, nameof(BusinessProfileModel.Vertical), valid);
    }

    [Fact]
    public void Verticals_List_HasMetas21Values()
    {
        BusinessVerticals.All.Count.ShouldBe(21);
        BusinessVerticals.NameOf("GOVT").ShouldBe("Public Service");
        BusinessVerticals.NameOf("UNDEFINED").ShouldBe("Not set");
        BusinessVerticals.NameOf("NOT_A_BIZ").ShouldBe("Not set");
        BusinessVerticals.NameOf(null).ShouldBe("Not set");
    }

    private void AssertOnly(BusinessProfileModel model, string property, bool valid)
    {
        var result = _validator.Validate(model);
        result.Errors.Any(e => e.PropertyName == property).ShouldBe(!valid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        result.Errors.Where(e => e.PropertyName != property).ShouldBeEmpty();
    }

    private static BusinessProfileModel Valid() => ProfileSamples.Valid();
}
