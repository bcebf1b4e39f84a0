using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

public class RequestStatusRulesTests
{
    // The expected moves, written out: row = from, column = to, X = allowed, . = not.
    // Art. 12(6): identity check only before handling; Art. 12(3): extension only from handling, once;
    // answered, refused, withdrawn and voided cases are closed; any open case may be voided (registered by mistake).
    private static readonly RequestStatus[] Order =
    [
        RequestStatus.Registered, RequestStatus.IdentityCheck, RequestStatus.InProgress, RequestStatus.Extended,
        RequestStatus.Answered, RequestStatus.Refused, RequestStatus.Withdrawn, RequestStatus.Voided,
    ];

    private static readonly string[] Table =
    [
        //                   to: Reg IdC InP Ext Ans Ref Wdr Voi
        /* Registered    */ "     .   X   X   .   X   X   X   X",
        /* IdentityCheck */ "     .   .   X   .   .   X   X   X",
        /* InProgress    */ "     .   .   .   X   X   X   X   X",
        /* Extended      */ "     .   .   .   .   X   X   X   X",
        /* Answered      */ "     .   .   .   .   .   .   .   .",
        /* Refused       */ "     .   .   .   .   .   .   .   .",
        /* Withdrawn     */ "     .   .   .   .   .   .   .   .",
        /* Voided        */ "     .   .   .   .   .   .   .   .",
    ];

    public static TheoryData<RequestStatus, RequestStatus, bool> EveryPair()
    {
        var data = new TheoryData<RequestStatus, RequestStatus, bool>();
        for (var row = 0; row < Order.Length; row++)
        {
            var cells = Table[row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var column = 0; column < Order.Length; column++)
            {
                data.Add(Order[row], Order[column], cells[column] == "X");
            }
        }

        return data;
    }

    [Fact]
    public void Table_CoversEveryStatusPair()
    {
        Assert.Equal(Enum.GetValues<RequestStatus>(), Order);
        Assert.All(Table, row => Assert.Equal(Order.Length, row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal(64, EveryPair().Count);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanMove_EveryPair_MatchesTable(RequestStatus from, RequestStatus to, bool expected)
    {
        Assert.Equal(expected, RequestStatusRules.CanMove(from, to));
        Assert.Equal(expected, RequestStatusRules.Next(from).Contains(to));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void WhyNot_EveryPair_IsNullExactlyWhenAllowed(RequestStatus from, RequestStatus to, bool allowed)
    {
        var why = RequestStatusRules.WhyNot(from, to);
        if (allowed)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(why));
        }
    }

    [Theory]
    [InlineData(RequestStatus.Registered, 6)]
    [InlineData(RequestStatus.IdentityCheck, 4)]
    [InlineData(RequestStatus.InProgress, 5)]
    [InlineData(RequestStatus.Extended, 4)]
    [InlineData(RequestStatus.Answered, 0)]
    [InlineData(RequestStatus.Refused, 0)]
    [InlineData(RequestStatus.Withdrawn, 0)]
    [InlineData(RequestStatus.Voided, 0)]
    public void Next_Status_HasExpectedNumberOfMoves(RequestStatus from, int count)
    {
        Assert.Equal(count, RequestStatusRules.Next(from).Count);
    }

    [Theory]
    [InlineData(RequestStatus.Registered, false)]
    [InlineData(RequestStatus.IdentityCheck, false)]
    [InlineData(RequestStatus.InProgress, false)]
    [InlineData(RequestStatus.Extended, false)]
    [InlineData(RequestStatus.Answered, true)]
    [InlineData(RequestStatus.Refused, true)]
    [InlineData(RequestStatus.Withdrawn, true)]
    [InlineData(RequestStatus.Voided, true)]
    public void IsClosed_Status_ReturnsExpected(RequestStatus status, bool closed)
    {
        Assert.Equal(closed, RequestStatusRules.IsClosed(status));
        // A case is closed exactly when it can move nowhere.
        Assert.Equal(closed, RequestStatusRules.Next(status).Count == 0);
    }

    [Theory]
    [InlineData(RequestStatus.Answered, RequestStatus.InProgress, "Ett besvarat ärende kan inte ändra status.")]
    [InlineData(RequestStatus.Refused, RequestStatus.Registered, "Ett avslaget ärende kan inte ändra status.")]
    [InlineData(RequestStatus.Withdrawn, RequestStatus.Withdrawn, "Ett återkallat ärende kan inte ändra status.")]
    [InlineData(RequestStatus.Voided, RequestStatus.InProgress, "Ett makulerat ärende kan inte ändra status.")]
    [InlineData(RequestStatus.Registered, RequestStatus.Extended, "Från Registrerad kan ärendet gå till: Identitetskontroll, Under handläggning, Besvarad, Avslagen, Återkallad eller Makulerad.")]
    [InlineData(RequestStatus.IdentityCheck, RequestStatus.Extended, "Från Identitetskontroll kan ärendet gå till: Under handläggning, Avslagen, Återkallad eller Makulerad.")]
    [InlineData(RequestStatus.IdentityCheck, RequestStatus.Answered, "Från Identitetskontroll kan ärendet gå till: Under handläggning, Avslagen, Återkallad eller Makulerad.")]
    [InlineData(RequestStatus.InProgress, RequestStatus.IdentityCheck, "Från Under handläggning kan ärendet gå till: Förlängd, Besvarad, Avslagen, Återkallad eller Makulerad.")]
    [InlineData(RequestStatus.Extended, RequestStatus.InProgress, "Från Förlängd kan ärendet gå till: Besvarad, Avslagen, Återkallad eller Makulerad.")]
    [InlineData(RequestStatus.Extended, RequestStatus.Extended, "Ärendet har redan status Förlängd.")]
    [InlineData(RequestStatus.Registered, RequestStatus.Registered, "Ärendet har redan status Registrerad.")]
    public void WhyNot_DisallowedMove_ExplainsInSwedish(RequestStatus from, RequestStatus to, string expected)
    {
        Assert.Equal(expected, RequestStatusRules.WhyNot(from, to));
    }

    [Theory]
    [InlineData(RequestStatus.Registered, "Registrerad")]
    [InlineData(RequestStatus.IdentityCheck, "Identitetskontroll")]
    [InlineData(RequestStatus.InProgress, "Under handläggning")]
    [InlineData(RequestStatus.Extended, "Förlängd")]
    [InlineData(RequestStatus.Answered, "Besvarad")]
    [InlineData(RequestStatus.Refused, "Avslagen")]
    [InlineData(RequestStatus.Withdrawn, "Återkallad")]
    [InlineData(RequestStatus.Voided, "Makulerad")]
    public void Swedish_Status_ReturnsName(RequestStatus status, string expected)
    {
        Assert.Equal(expected, status.Swedish());
    }

    [Fact]
    public void Next_UndefinedStatus_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestStatusRules.Next((RequestStatus)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RequestStatus)99).Swedish());
    }

    [Fact]
    public void CanMove_ToUndefinedStatus_IsFalse()
    {
        Assert.False(RequestStatusRules.CanMove(RequestStatus.Registered, (RequestStatus)99));
    }

    [Fact]
    public void OpenAndClosed_SplitEveryStatus_AsIsClosedDoes()
    {
        Assert.Equal([RequestStatus.Answered, RequestStatus.Refused, RequestStatus.Withdrawn, RequestStatus.Voided], RequestStatusRules.Closed);
        Assert.All(RequestStatusRules.Open, s => Assert.False(RequestStatusRules.IsClosed(s)));
        Assert.All(RequestStatusRules.Closed, s => Assert.True(RequestStatusRules.IsClosed(s)));
        Assert.Equal(Enum.GetValues<RequestStatus>().Order(), RequestStatusRules.Open.Concat(RequestStatusRules.Closed).Order());
    }

    [Fact]
    public void Voided_IsTheOnlyStatusKeptOutOfStatistics()
    {
        Assert.False(RequestStatusRules.CountsInStatistics(RequestStatus.Voided));
        Assert.All(Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Voided), s => Assert.True(RequestStatusRules.CountsInStatistics(s)));
        Assert.DoesNotContain(RequestStatus.Voided, RequestStatusRules.Statistical);
        Assert.Equal(Enum.GetValues<RequestStatus>().Length - 1, RequestStatusRules.Statistical.Count);
    }

    [Theory]
    // A closed case reopens to handling, as extended when the extension was in force; an open one has nothing to reopen.
    [InlineData(RequestStatus.Answered, false, RequestStatus.InProgress)]
    [InlineData(RequestStatus.Refused, false, RequestStatus.InProgress)]
    [InlineData(RequestStatus.Withdrawn, true, RequestStatus.Extended)]
    [InlineData(RequestStatus.Voided, false, RequestStatus.InProgress)]
    [InlineData(RequestStatus.Answered, true, RequestStatus.Extended)]
    [InlineData(RequestStatus.Registered, false, null)]
    [InlineData(RequestStatus.InProgress, false, null)]
    [InlineData(RequestStatus.Extended, true, null)]
    public void Reopened_ClosedCase_GoesBackToHandling(RequestStatus from, bool extended, RequestStatus? expected)
    {
        Assert.Equal(expected, RequestStatusRules.Reopened(from, extended));
    }
}
