using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Subcontracting;

/// <summary>
/// Spec VI: "All subcontracting must have prior approval of the Purchasing Agents. Bidders are to submit a list of all
/// subcontractors and what work they would perform under this contract." The scope says instead "Sub-contracting will
/// not be permitted.", so each contract records which applies.
/// </summary>
public sealed class SubcontractRequestTests
{
    private const SubcontractingPolicy PriorApproval = SubcontractingPolicy.PriorApprovalRequired;
    private static readonly Guid Contract = Guid.NewGuid();
    private static readonly Subcontractor Irrigators = new("Capitol Irrigation Co.", "12 Park Street, Hartford, CT", "860-555-0142");
    private static readonly LocalDate May20 = new(2003, 5, 20);
    private static readonly LocalDate June2 = new(2003, 6, 2);

    internal static SubcontractRequest Requested(Subcontractor subcontractor, LocalDate on, params string[] items)
    {
        var (request, refusals) = SubcontractRequest.Request(Contract, PriorApproval, subcontractor, items, Party.Contractor, on);
        Assert.Empty(refusals);
        return request!;
    }

    [Fact]
    public void Request_UnderNotPermitted_RefusedWithTheBidsWords()
    {
        var (request, refusals) = SubcontractRequest.Request(Contract, SubcontractingPolicy.NotPermitted, Irrigators, ["Irrigation"],
            Party.Contractor, May20);

        Assert.Null(request);
        var refusal = Assert.IsType<SubcontractRefusal.NotPermitted>(Assert.Single(refusals));
        Assert.Equal("Sub-contracting will not be permitted.", refusal.Quote);
    }

    [Fact]
    public void Request_ByTheContractor_PendingWithItsItemsTrimmedOnce()
    {
        var request = Requested(Irrigators, May20, " Irrigation ", "Winterize sprinklers", "irrigation");

        Assert.Equal(SubcontractRequestStatus.Pending, request.Status);
        Assert.Equal(["Irrigation", "Winterize sprinklers"], request.ItemReferences);
        Assert.Equal(May20, request.RequestedOn);
        Assert.Null(request.DecidedOn);
    }

    [Theory]
    [InlineData(Party.Purchasing)]
    [InlineData(Party.AthleticDirector)]
    public void Request_ByAnyoneButTheContractor_Refused(Party party)
    {
        var (request, refusals) = SubcontractRequest.Request(Contract, PriorApproval, Irrigators, ["Irrigation"], party, May20);

        Assert.Null(request);
        Assert.Equal([new SubcontractRefusal.NotYourStep(party)], refusals);
    }

    [Fact]
    public void Request_WithoutNameAddressOrWork_AllRefused()
    {
        var (request, refusals) = SubcontractRequest.Request(Contract, PriorApproval, new Subcontractor(" ", ""), [" "], Party.Contractor,
            May20);

        Assert.Null(request);
        Assert.Equal<SubcontractRefusal>([new SubcontractRefusal.NameRequired(), new SubcontractRefusal.AddressRequired(),
            new SubcontractRefusal.WorkRequired()], refusals);
    }

    [Fact]
    public void Approve_ByPurchasing_ApprovedFromThatDay()
    {
        var request = Requested(Irrigators, May20, "Irrigation");

        Assert.Null(request.Approve(PriorApproval, Party.Purchasing, "J. Alvarez, Purchasing Agent", June2, "Insurance certificate on file"));

        Assert.Equal(SubcontractRequestStatus.Approved, request.Status);
        Assert.Equal(June2, request.DecidedOn);
        Assert.Equal("J. Alvarez, Purchasing Agent", request.DecidedBy);
    }

    [Theory]
    [InlineData(Party.Contractor)]
    [InlineData(Party.AthleticDirector)]
    [InlineData(Party.Finance)]
    [InlineData(Party.System)]
    public void ApproveOrRefuse_ByAnyoneButPurchasing_RefusedAndStillPending(Party party)
    {
        var request = Requested(Irrigators, May20, "Irrigation");

        Assert.Equal(new SubcontractRefusal.NotYourStep(party), request.Approve(PriorApproval, party, "someone", June2));
        Assert.Equal(new SubcontractRefusal.NotYourStep(party), request.Refuse(PriorApproval, party, "someone", June2, "No."));
        Assert.Equal(SubcontractRequestStatus.Pending, request.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Refuse_WithoutReason_RefusedAndStillPending(string? reason)
    {
        var request = Requested(Irrigators, May20, "Irrigation");

        Assert.Equal(new SubcontractRefusal.ReasonRequired(), request.Refuse(PriorApproval, Party.Purchasing, "J. Alvarez", June2, reason));
        Assert.Equal(SubcontractRequestStatus.Pending, request.Status);
    }

    [Fact]
    public void Refuse_WithReason_RefusedAndFinal()
    {
        var request = Requested(Irrigators, May20, "Irrigation");

        Assert.Null(request.Refuse(PriorApproval, Party.Purchasing, "J. Alvarez", June2, " No irrigation licence supplied (spec V) "));

        Assert.Equal(SubcontractRequestStatus.Refused, request.Status);
        Assert.Equal("No irrigation licence supplied (spec V)", request.Reason);
        Assert.Equal(new SubcontractRefusal.NotPending(SubcontractRequestStatus.Refused),
            request.Approve(PriorApproval, Party.Purchasing, "J. Alvarez", June2));
    }

    [Fact]
    public void Approve_AfterTheContractBecameNotPermitted_RefusedWithTheBidsWords()
    {
        var request = Requested(Irrigators, May20, "Irrigation");

        Assert.IsType<SubcontractRefusal.NotPermitted>(request.Approve(SubcontractingPolicy.NotPermitted, Party.Purchasing, "J. Alvarez", June2));
        Assert.Null(request.Refuse(SubcontractingPolicy.NotPermitted, Party.Purchasing, "J. Alvarez", June2, "Sub-contracting will not be permitted."));
    }

    [Fact]
    public void Approve_DatedBeforeTheRequest_Refused()
    {
        var request = Requested(Irrigators, May20, "Irrigation");

        Assert.Equal(new SubcontractRefusal.BeforeRequest(May20, new LocalDate(2003, 5, 19)),
            request.Approve(PriorApproval, Party.Purchasing, "J. Alvarez", new LocalDate(2003, 5, 19)));
    }

    [Fact]
    public void Withdraw_PendingByTheContractor_WithdrawnAndNoLongerDecidable()
    {
        var request = Requested(Irrigators, May20, "Irrigation");

        Assert.Equal(new SubcontractRefusal.NotYourStep(Party.Purchasing), request.Withdraw(Party.Purchasing, "J. Alvarez", June2));
        Assert.Null(request.Withdraw(Party.Contractor, "Green Acres Turf LLC", June2, "Doing the irrigation ourselves"));

        Assert.Equal(SubcontractRequestStatus.Withdrawn, request.Status);
        Assert.Equal(new SubcontractRefusal.NotPending(SubcontractRequestStatus.Withdrawn),
            request.Approve(PriorApproval, Party.Purchasing, "J. Alvarez", June2));
    }

    [Fact]
    public void Withdraw_AnApprovedRequest_RefusedAndStillApproved()
    {
        var request = Requested(Irrigators, May20, "Irrigation");
        request.Approve(PriorApproval, Party.Purchasing, "J. Alvarez", June2);

        Assert.Equal(new SubcontractRefusal.NotPending(SubcontractRequestStatus.Approved),
            request.Withdraw(Party.Contractor, "Green Acres Turf LLC", June2));
        Assert.Equal(SubcontractRequestStatus.Approved, request.Status);
    }

    [Fact]
    public void ApproveOrRefuse_ByWhoAsked_RefusedAndStillPending()
    {
        // One account holding the contractor's and Purchasing's roles asks, then tries to decide.
        var (request, _) = SubcontractRequest.Request(Contract, PriorApproval, Irrigators, ["2b"], Party.Contractor, May20, "crew@greenacres.example");

        Assert.Equal(new SubcontractRefusal.SamePerson(), request!.Approve(PriorApproval, Party.Purchasing, " Crew@GreenAcres.example ", June2));
        Assert.Equal(new SubcontractRefusal.SamePerson(), request.Refuse(PriorApproval, Party.Purchasing, "crew@greenacres.example", June2, "No"));

        Assert.Equal(SubcontractRequestStatus.Pending, request.Status);
        Assert.Null(request.Approve(PriorApproval, Party.Purchasing, "purchasing@hartford.example", June2));
    }
}
