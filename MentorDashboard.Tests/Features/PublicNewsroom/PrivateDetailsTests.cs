using MentorDashboard.Features.PublicNewsroom;

namespace MentorDashboard.Tests.Features.PublicNewsroom;

public sealed class PrivateDetailsTests
{
    private static readonly DateOnly MeetingDate = new(2026, 12, 3);

    [Theory]
    [InlineData("Write to her at selam.t@example.org if you like.", PrivateDetailKind.EmailAddress,
        "selam.t@example.org")]
    [InlineData("Her aunt's number is +44 20 7946 0958.", PrivateDetailKind.PhoneNumber, "+44 20 7946 0958")]
    [InlineData("Call 0612-345678 after school.", PrivateDetailKind.PhoneNumber, "0612-345678")]
    [InlineData("We met outside 12 Harbour Road again.", PrivateDetailKind.StreetAddress, "12 Harbour Road")]
    [InlineData("We met at 4b Elm St. near the park.", PrivateDetailKind.StreetAddress, "4b Elm St.")]
    [InlineData("Coffee at Lindenstraße 14 was nice.", PrivateDetailKind.StreetAddress, "Lindenstraße 14")]
    [InlineData("His flat is on Harbour Road 7 now.", PrivateDetailKind.StreetAddress, "Harbour Road 7")]
    [InlineData("We met at Carrer de Sants 45.", PrivateDetailKind.StreetAddress, "Carrer de Sants 45")]
    [InlineData("She lives at 12 baker street now.", PrivateDetailKind.StreetAddress, "12 baker street")]
    [InlineData("Call her on ٠٧٩١٢٣٤٥٦٧٨ today.", PrivateDetailKind.PhoneNumber, "07912345678")]
    [InlineData("Call her on ０７９１２３４５６７８ today.", PrivateDetailKind.PhoneNumber, "07912345678")]
    [InlineData("Her school is on Rue de la Paix 3.", PrivateDetailKind.StreetAddress, "Rue de la Paix 3")]
    [InlineData("Coffee at Calle de Alcalá 20.", PrivateDetailKind.StreetAddress, "Calle de Alcalá 20")]
    [InlineData("We sat in Plaça de Catalunya 1.", PrivateDetailKind.StreetAddress, "Plaça de Catalunya 1")]
    [InlineData("They live on Avenida de la Constitución 5.", PrivateDetailKind.StreetAddress,
        "Avenida de la Constitución 5")]
    [InlineData("They moved to SW1A 1AA last month.", PrivateDetailKind.Postcode, "SW1A 1AA")]
    [InlineData("The new flat is in 1012 AB, close to work.", PrivateDetailKind.Postcode, "1012 AB")]
    [InlineData("The new flat is in 80331 Munich.", PrivateDetailKind.Postcode, "80331")]
    [InlineData("Her sister arrived on 14.05.2012, so we planned a party.", PrivateDetailKind.Date, "14.05.2012")]
    [InlineData("The next appointment is on 2027-01-15.", PrivateDetailKind.Date, "2027-01-15")]
    [InlineData("She arrived on 5 March 2024.", PrivateDetailKind.Date, "5 March 2024")]
    [InlineData("She arrived on March 5th, 2024.", PrivateDetailKind.Date, "March 5th, 2024")]
    [InlineData("He was born in Asmara.", PrivateDetailKind.Birth, "born")]
    [InlineData("He is 15 and his birthday is on 3 May.", PrivateDetailKind.Birth, "birthday")]
    [InlineData("She turns 16 on 3 May.", PrivateDetailKind.Birth, "turns 16")]
    [InlineData("We filled in the form with her date of birth.", PrivateDetailKind.Birth, "date of birth")]
    public void Detail_that_locates_or_dates_a_person_is_found_with_its_words(
        string text, PrivateDetailKind kind, string found)
    {
        var details = PrivateDetails.Find(text, MeetingDate);

        var detail = Assert.Single(details);
        Assert.Equal(kind, detail.Kind);
        Assert.Equal(found, detail.Found);
    }

    [Theory]
    [InlineData("We walked along the harbour and talked about her new job.")]
    [InlineData("We met on 3 December 2026 for the first time in a while.")]
    [InlineData("Meeting of 03.12.2026: we cooked together.")]
    [InlineData("Meeting of 12/03/2026: we cooked together.")]
    [InlineData("We walked 3 km in 45 minutes and met at 14:30.")]
    [InlineData("She scored 12 of 20 in the test, up from 9.")]
    [InlineData("We talked about the bus route 42 and the number of stops.")]
    [InlineData("In 2025 she started school; this December she feels at home.")]
    public void Ordinary_story_has_no_private_details(string text)
    {
        Assert.Empty(PrivateDetails.Find(text, MeetingDate));
    }

    [Fact]
    public void Each_detail_is_found_once_even_when_one_looks_like_another()
    {
        var details = PrivateDetails.Find(
            "Born 14.05.2012, lives at 12 Harbour Road, phone 0612 345 678, mail s@example.org.", MeetingDate);

        Assert.Equal(
            [PrivateDetailKind.EmailAddress, PrivateDetailKind.Date, PrivateDetailKind.StreetAddress,
                PrivateDetailKind.PhoneNumber, PrivateDetailKind.Birth],
            details.Select(d => d.Kind));
    }
}
