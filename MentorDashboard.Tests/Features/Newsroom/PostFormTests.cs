using Bunit;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Newsroom;

public sealed class PostFormTests : MudTestContext
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly ProgrammeFramework Framework = new(
        [new("topic.housing", "Housing"), new("topic.work", "Work and job search")],
        [new("activity.walk", "Walk"), new("activity.coffee", "Coffee or meal")]);

    private static readonly IReadOnlyList<MatchOption> OneMatch = [new(7, "Selam", new DateOnly(2026, 1, 1))];

    private readonly List<PostInput> _saved = [];
    private IRenderedComponent<MudBlazor.MudPopoverProvider> _popovers = null!;

    [Fact]
    public void Empty_form_says_what_is_missing_and_does_not_save()
    {
        var form = RenderForm(_ => throw new InvalidOperationException("Must not be called."));

        form.Find("form").Submit();

        Assert.Contains("Choose what you did together.", form.Markup);
        Assert.Contains("Choose at least one topic you talked about.", form.Markup);
        Assert.Contains("Choose a face for how the meeting went.", form.Markup);
        Assert.Contains("Write a few words about the meeting.", form.Markup);
        Assert.DoesNotContain("Enter the date of the meeting.", form.Markup);
        Assert.Empty(_saved);
    }

    [Fact]
    public void Story_over_2000_characters_is_refused_on_the_form()
    {
        var form = RenderForm(Accept);
        FillIn(form, text: new string('x', 2001));

        form.Find("form").Submit();

        Assert.Contains("The story can be at most 2,000 characters long.", form.Markup);
        Assert.Empty(_saved);
    }

    [Fact]
    public void Rejection_from_the_server_is_shown_and_keeps_what_the_mentor_typed()
    {
        var form = RenderForm(input => Task.FromResult(
            PostResult.Rejected(new PostError(PostFields.Date, "The meeting date is before the match started."))));
        FillIn(form, text: "We practised for the interview.");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("The meeting date is before the match started.", form.Markup),
            WaitTimeout);
        Assert.Equal("We practised for the interview.", form.Find("#post-text").GetAttribute("value")
            ?? form.Find("#post-text").TextContent);
        Assert.Contains("mud-chip-selected", form.Find("[data-topic='topic.work']").ClassName);
        Assert.Equal("true", form.Find("[data-rating='4']").GetAttribute("aria-checked"));
    }

    [Fact]
    public void Saved_post_is_handed_on_and_the_form_is_ready_for_the_next_one()
    {
        PostView? posted = null;
        RenderAs(interactive: true);
        var form = Render<PostForm>(parameters => parameters
            .Add(p => p.Matches, OneMatch)
            .Add(p => p.Framework, Framework)
            .Add(p => p.Today, Today)
            .Add(p => p.Save, Accept)
            .Add(p => p.Posted, (PostView post) => posted = post));
        _popovers = RenderPopoverProvider();
        FillIn(form, text: "A long walk by the river.");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.NotNull(posted), WaitTimeout);
        var input = Assert.Single(_saved);
        Assert.Equal(7, input.MatchId);
        Assert.Equal(Today.ToDateTime(TimeOnly.MinValue), input.Date);
        Assert.Equal(60, input.Minutes);
        Assert.Equal(["topic.work"], input.TopicKeys);
        Assert.Equal(4, input.Rating);
        Assert.Equal("A long walk by the river.", input.Text);
        form.WaitForAssertion(() => Assert.Equal("false", form.Find("[data-rating='4']").GetAttribute("aria-checked")),
            WaitTimeout);
    }

    [Fact]
    public void Minutes_out_of_range_are_refused_not_silently_changed()
    {
        var form = RenderForm(Accept);
        FillIn(form, text: "A very long day out.");
        form.Find("#post-minutes").Change("6000");

        form.Find("form").Submit();

        form.WaitForAssertion(
            () => Assert.Contains("A meeting lasts between 5 and 600 minutes.", form.Markup), WaitTimeout);
        Assert.Equal("6000", form.Find("#post-minutes").GetAttribute("value"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void Second_tap_right_after_a_saved_post_is_ignored()
    {
        var form = RenderForm(Accept);
        FillIn(form, text: "Coffee and homework.");

        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Single(_saved), WaitTimeout);
        form.Find("form").Submit();

        Assert.Single(_saved);
        Assert.DoesNotContain("Choose what you did together.", form.Markup);
    }

    [Fact]
    public void Post_button_waits_until_the_page_is_live()
    {
        // While the page is only prerendered (the circuit is not connected yet), a click would do nothing.
        var form = RenderForm(Accept, interactive: false);

        Assert.True(form.Find("#post-submit").HasAttribute("disabled"));
    }

    [Fact]
    public void Private_newsroom_offers_no_public_choice()
    {
        var form = RenderForm(Accept);

        Assert.Empty(form.FindAll("#post-public-hint"));
        Assert.Empty(form.FindAll(".mud-checkbox input"));
    }

    [Fact]
    public void Public_newsroom_offers_the_public_choice_unticked_with_a_hint()
    {
        var publicForm = RenderForm(Accept, canBePublic: true);

        Assert.Contains("leave out full names, addresses, dates of birth and schools",
            publicForm.Find("#post-public-hint").TextContent);
        Assert.False(publicForm.Find(".mud-checkbox input").HasAttribute("checked"));
    }

    [Fact]
    public void Public_post_refused_by_the_server_lists_each_detail_to_remove()
    {
        var form = RenderForm(input =>
        {
            _saved.Add(input);
            return Task.FromResult(PostResult.Rejected(
                new PostError(PostFields.IsPublic, "a street address", "12 Harbour Road"),
                new PostError(PostFields.IsPublic, "a phone number", "0612 345 678")));
        }, canBePublic: true);
        FillIn(form, text: "We met at 12 Harbour Road; call 0612 345 678.");
        form.Find(".mud-checkbox input").Change(true);

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("#post-public-error")), WaitTimeout);
        var error = form.Find("#post-public-error").TextContent;
        Assert.Contains("Remove a street address: “12 Harbour Road”", error);
        Assert.Contains("Remove a phone number: “0612 345 678”", error);
        Assert.Contains("Untick “Show in the public newsroom” to save it as a private post.", error);
        Assert.True(Assert.Single(_saved).IsPublic);
    }

    private IRenderedComponent<PostForm> RenderForm(
        Func<PostInput, Task<PostResult>> save, bool interactive = true, bool canBePublic = false)
    {
        RenderAs(interactive);
        var form = Render<PostForm>(parameters => parameters
            .Add(p => p.Matches, OneMatch)
            .Add(p => p.Framework, Framework)
            .Add(p => p.Today, Today)
            .Add(p => p.Save, save)
            .Add(p => p.CanBePublic, canBePublic));
        _popovers = RenderPopoverProvider();
        return form;
    }

    private Task<PostResult> Accept(PostInput input)
    {
        _saved.Add(input);
        var post = new PostView(1, input.MatchId!.Value, "Iker", "Selam", DateOnly.FromDateTime(input.Date!.Value),
            input.Minutes!.Value, Framework.ActivityTypes[0], [Framework.Topics[1]], input.Rating, input.Text,
            DateTime.UtcNow);
        return Task.FromResult(new PostResult(post, []));
    }

    private void FillIn(IRenderedComponent<PostForm> form, string text)
    {
        form.Find("#post-activity").Closest(".mud-input-control")!.MouseDown();
        _popovers.WaitForElement(".mud-popover-open .mud-list-item", WaitTimeout);
        _popovers.FindAll(".mud-list-item").First(item => item.TextContent.Contains("Walk", StringComparison.Ordinal))
            .Click();
        form.Find("[data-topic='topic.work']").Click();
        form.Find("[data-rating='4']").Click();
        form.Find("#post-text").Change(text);
    }
}
