console.error("planpress fixture: console.error called");
throw new Error("planpress fixture: uncaught");
